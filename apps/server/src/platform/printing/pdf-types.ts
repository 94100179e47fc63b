/** Horizontal alignment of a table cell. */
export type PrintAlign = 'left' | 'center' | 'right';

/** A label/value pair: a header field, a totals row or a signature box. */
export interface PrintField {
  label: string;
  value: string;
  /** Header fields only: take the whole row instead of one of the two columns (e.g. an address). */
  wide?: boolean;
}

/** One table column; widths are relative weights scaled to fill the printable width. */
export interface PrintColumn {
  header: string;
  width: number;
  align?: PrintAlign;
}

/** A table of strings; long cells wrap and the header row repeats after each page break. */
export interface PrintTable {
  columns: PrintColumn[];
  rows: string[][];
}

/** A declarative print document: one page set per copy, each with the same content. */
export interface PrintDoc {
  /** Document title, e.g. '送货单'. */
  title: string;
  /** Issuing company, printed above the title. */
  companyName: string;
  /** Document number, printed under the title. */
  documentNo: string;
  /** Label in front of the number; default '单号'. */
  documentNoLabel?: string;
  /** Copy names, e.g. ['存根联', '客户联', '库房联']; one page set each, the name on every page. */
  copies?: string[];
  /** Fields above the table, laid out in two columns. */
  headerFields?: PrintField[];
  table?: PrintTable;
  /** Rows under the table, right-aligned as 'label：value'. */
  totals?: PrintField[];
  /** Amount in Chinese capitals, e.g. '壹仟贰佰叁拾肆元伍角整' (the caller formats it). */
  amountInWords?: string;
  /** Label of the capitals line; default '合计金额（大写）'. */
  amountInWordsLabel?: string;
  /** Paragraphs printed under '备注：'. */
  notes?: string[];
  /** Signature boxes at the bottom of the last page of each copy, e.g. 制单 / 审核 / 签收人/日期. */
  footerFields?: PrintField[];
  /** Paper size; default 'A4'. */
  size?: 'A4' | 'A5';
  /** Orientation; default 'portrait'. */
  layout?: 'portrait' | 'landscape';
}
