import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Font weights the printing platform uses. */
export type PrintFontWeight = 'regular' | 'bold';

// Noto Sans SC as static TTF files inside an npm package: fontkit cannot read WOFF2, and a TTF gets
// a ToUnicode map when pdfkit embeds it, so the Chinese text stays searchable and extractable.
const FONT_FILES: Record<PrintFontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const require = createRequire(import.meta.url);
const cache = new Map<PrintFontWeight, Buffer>();

/** Returns the absolute path of the CJK font file for a weight, resolved from node_modules. */
export function printFontPath(weight: PrintFontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

/** Returns the CJK font file for a weight, read from disk once per process. */
export function printFont(weight: PrintFontWeight): Buffer {
  let buf = cache.get(weight);
  if (!buf) {
    buf = readFileSync(printFontPath(weight));
    cache.set(weight, buf);
  }
  return buf;
}
