export { renderPdf } from './pdf.ts';
export { type PrintFontWeight, printFont, printFontPath } from './pdf-fonts.ts';
export type { PrintAlign, PrintColumn, PrintDoc, PrintField, PrintTable } from './pdf-types.ts';
export { type PricedPrintLine, pricedLinesTable } from './priced-lines.ts';
