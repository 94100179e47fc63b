import {
  amountInWords,
  formatAttributes,
  money,
  type StatementQuery,
  toMoneyString,
  formatYuan as yuan,
} from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { companyName } from '../../platform/org/company.ts';
import { type PrintTable, renderPdf } from '../../platform/printing/index.ts';
import { orderLinesOf } from '../orders/index.ts';
import { getInvoice } from './invoices.list.ts';
import { getPayment } from './payments.list.ts';
import { customerStatement } from './statement.ts';

const pct = (v: string) => `${money(v).toString()}%`;
const KIND: Record<string, string> = { deposit: '定金', down_payment: '首期款', instalment: '分期款', full: '全款' };
const METHOD: Record<string, string> = { transfer: '转账', cash: '现金', cheque: '支票', other: '其他' };
const INVOICE_KIND: Record<string, string> = { vat_special: '增值税专用发票', vat_normal: '增值税普通发票' };

/** 品名规格 with the variant attributes (retail seed 5.2.7.3: 特别要注明所售品牌、规格、颜色). */
const nameAndSpec = (l: { description: string; spec: string | null; attributes: Record<string, string> | null }) =>
  [l.description, l.spec, formatAttributes(l.attributes)].filter(Boolean).join(' ');

/** The goods of a counter sale on its voucher: name and spec, qty, price after discount, amount. */
async function counterGoods(ctx: Ctx, orderId: number): Promise<PrintTable> {
  const lines = await orderLinesOf(ctx.db, orderId);
  return {
    columns: [
      { header: '序号', width: 4, align: 'center' },
      { header: '品名规格', width: 22 },
      { header: '数量', width: 7, align: 'right' },
      { header: '单价（含税）', width: 9, align: 'right' },
      { header: '金额', width: 9, align: 'right' },
    ],
    rows: lines.map((l) => [
      String(l.lineNo),
      nameAndSpec(l),
      `${money(l.qty).toString()}${l.unit}`,
      yuan(toMoneyString(money(l.grossAmount).div(l.qty))),
      yuan(l.grossAmount),
    ]),
  };
}

/**
 * 收据 of a counted payment: amount in figures and capitals; only issued once the payment is
 * confirmed or cleared. At the counter it is the paid sales voucher (销售凭证, retail seed 5.2.6–5.2.8)
 * the customer collects the goods with: the goods, amount due, cash tendered and change (唱收唱找),
 * marked 收款专用章.
 */
export async function renderReceiptPdf(ctx: Ctx, id: number) {
  const p = await getPayment(ctx, id);
  if (!p.receiptNo) throw new ConflictError('payment.no_receipt', { no: p.no, status: p.status });
  const counter = p.orderChannel === 'counter' && p.orderId !== null;
  const cash =
    p.tenderedAmount === null
      ? []
      : [
          { label: '实收（顾客交款）', value: yuan(p.tenderedAmount) },
          { label: '找零', value: yuan(p.changeAmount ?? '0') },
        ];
  const pdf = await renderPdf({
    title: counter ? '销售凭证（收款收据）' : '收据',
    companyName: await companyName(ctx.db),
    documentNo: p.receiptNo,
    documentNoLabel: '收据号',
    copies: counter ? ['存根联', '顾客联（凭此取货）', '记账联'] : ['存根联', '客户联', '记账联'],
    size: counter ? 'A4' : 'A5',
    layout: counter ? 'portrait' : 'landscape',
    headerFields: [
      { label: '交款单位/人', value: p.payerName ?? p.customerName },
      { label: '客户', value: p.customerName },
      { label: '收款日期', value: p.receivedDate },
      { label: '款项', value: KIND[p.kind] ?? p.kind },
      { label: '结算方式', value: `${METHOD[p.method] ?? p.method}${p.chequeNo ? `（支票号 ${p.chequeNo}）` : ''}` },
      { label: p.orderNo ? '订单号' : '合同号', value: p.orderNo ?? p.contractNo ?? '' },
      { label: '收款单号', value: p.no },
    ],
    table: counter ? await counterGoods(ctx, p.orderId as number) : undefined,
    totals: [{ label: counter ? '应收金额' : '金额（小写）', value: yuan(p.amount) }, ...cash],
    amountInWords: amountInWords(p.amount),
    amountInWordsLabel: '金额（大写）',
    notes: [...(counter ? ['已收款 · 收款专用章 · 顾客凭本联取货'] : []), ...(p.remark ? [p.remark] : [])],
    footerFields: [
      { label: '收款单位（财务专用章）', value: '' },
      { label: '收款人', value: p.confirmedByName ?? '' },
      { label: '经办人', value: p.ownerName ?? '' },
    ],
  });
  return { no: p.receiptNo, pdf };
}

/** The copies of an invoice (retail seed 5.2.7: 要分清财务联、底联、用户联，不要给错顾客发票). */
export const INVOICE_COPIES = ['财务联', '底联', '用户联'];

/**
 * The invoice as printed, in its three copies: buyer (name, tax number, phone) and seller, lines
 * with their variant attributes, tax, total in figures and capitals, issuer and payee, and the line
 * the customer signs to confirm they took it (retail seed 5.2.7.1–5.2.7.5).
 */
export async function renderInvoicePdf(ctx: Ctx, id: number) {
  const inv = await getInvoice(ctx, id);
  const notes = [
    inv.isLate ? '补开' : null,
    inv.status === 'void' ? `已作废：${inv.voidReason ?? ''}` : null,
    inv.replacesInvoiceId ? `本发票重开，替代已作废发票（内部编号 ${inv.replacesInvoiceId}）` : null,
  ].filter((n): n is string => n !== null);
  const pdf = await renderPdf({
    title: `${INVOICE_KIND[inv.kind] ?? inv.kind}${inv.status === 'void' ? '（作废）' : ''}`,
    companyName: inv.sellerName,
    documentNo: inv.externalNo,
    documentNoLabel: '发票号码',
    copies: INVOICE_COPIES,
    layout: 'landscape',
    headerFields: [
      { label: '购买方名称', value: inv.buyerName },
      { label: '纳税人识别号', value: inv.buyerTaxNo ?? '' },
      { label: '联系电话', value: inv.buyerPhone ?? '' },
      { label: '销售方名称', value: inv.sellerName },
      { label: '开票日期', value: inv.issueDate },
      { label: inv.orderNo ? '订单号' : '合同号', value: inv.orderNo ?? inv.contractNo ?? '' },
      { label: '内部编号', value: inv.no },
    ],
    table: {
      columns: [
        { header: '序号', width: 4, align: 'center' },
        { header: '货物或应税劳务名称', width: 14 },
        { header: '规格型号/属性', width: 11 },
        { header: '单位', width: 4, align: 'center' },
        { header: '数量', width: 7, align: 'right' },
        { header: '单价', width: 9, align: 'right' },
        { header: '金额', width: 10, align: 'right' },
        { header: '税率', width: 5, align: 'right' },
        { header: '税额', width: 9, align: 'right' },
      ],
      rows: inv.lines.map((l) => [
        String(l.lineNo),
        l.description,
        [l.spec, formatAttributes(l.attributes)].filter(Boolean).join(' '),
        l.unit,
        money(l.qty).toString(),
        yuan(money(l.unitPrice).times(money(100).minus(l.discountPercent)).div(100).toString()),
        yuan(l.netAmount),
        pct(l.taxRate),
        yuan(l.taxAmount),
      ]),
    },
    totals: [
      { label: '合计金额', value: yuan(inv.totalNet) },
      { label: '合计税额', value: yuan(inv.totalTax) },
      { label: '价税合计（小写）', value: yuan(inv.totalGross) },
    ],
    amountInWords: inv.amountInWords,
    amountInWordsLabel: '价税合计（大写）',
    notes: notes.length ? notes : undefined,
    footerFields: [
      { label: '收款人', value: inv.payeeName },
      { label: '开票人', value: inv.issuerName },
      { label: '销售方（章）', value: '' },
      { label: '顾客签名', value: '' },
    ],
  });
  return { no: inv.externalNo, pdf };
}

/** The customer statement (对账单) as a PDF for the customer to confirm. */
export async function renderStatementPdf(ctx: Ctx, customerId: number, q: StatementQuery) {
  const s = await customerStatement(ctx, customerId, q);
  const pdf = await renderPdf({
    title: '客户对账单',
    companyName: await companyName(ctx.db),
    documentNo: `${s.customer.no} ${s.from} 至 ${s.to}`,
    documentNoLabel: '客户/期间',
    headerFields: [
      { label: '客户', value: s.customer.name },
      { label: '期初余额', value: yuan(s.openingBalance) },
    ],
    table: {
      columns: [
        { header: '日期', width: 9 },
        { header: '摘要', width: 16 },
        { header: '单号', width: 15 },
        { header: '订单/合同', width: 13 },
        { header: '应收（借方）', width: 10, align: 'right' },
        { header: '已收（贷方）', width: 10, align: 'right' },
        { header: '余额', width: 10, align: 'right' },
      ],
      rows: s.entries.map((e) => [
        e.date,
        e.description,
        e.no,
        e.documentNo ?? '',
        money(e.debit).isZero() ? '' : yuan(e.debit),
        money(e.credit).isZero() ? '' : yuan(e.credit),
        yuan(e.balance),
      ]),
    },
    totals: [
      { label: '本期应收', value: yuan(s.totalDebit) },
      { label: '本期已收', value: yuan(s.totalCredit) },
      { label: '期末余额', value: yuan(s.closingBalance) },
    ],
    amountInWords: money(s.closingBalance).gte(0) ? amountInWords(s.closingBalance) : undefined,
    amountInWordsLabel: '期末余额（大写）',
    notes: ['请核对上述往来款项，如有不符请于收到本对账单后十日内提出。'],
    footerFields: [
      { label: '本公司（盖章）', value: '' },
      { label: '客户确认（签字/盖章）', value: '' },
    ],
  });
  return { no: `${s.customer.no}-${s.from}-${s.to}`, pdf };
}
