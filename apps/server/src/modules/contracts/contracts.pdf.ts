import { amountInWords, formatYuan, PRICE_MASK } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { pricedLinesTable, renderPdf } from '../../platform/printing/index.ts';
import { getContract } from './contracts.queries.ts';

const KIND: Record<string, string> = { deposit: '定金', down_payment: '首期款', instalment: '分期款', final: '尾款' };

// A masked price (null: the reader lacks contract.prices) prints as ＊＊＊ — the body is masked already.
const yuan = (v: string | null) => (v === null ? PRICE_MASK : formatYuan(v));

/**
 * The contract as a printable PDF: parties, rendered body, lines, amount in capitals, payment plan,
 * signatures — printed as the reader may see it (getContract masks the prices without contract.prices).
 */
export async function renderContractPdf(ctx: Ctx, id: number): Promise<{ no: string; pdf: Buffer }> {
  const c = await getContract(ctx, id);
  // The terms 合同评审 requires (seed 003), always printed — a blank one shows as a line to fill in.
  const terms = [
    `付款方式：${c.paymentTerms ?? '________'}`,
    `质量标准：${c.qualityStandard ?? '________'}`,
    `交货条款：${c.deliveryTerms ?? '________'}`,
    `售后服务条款：${c.afterSalesTerms ?? '________'}`,
  ];
  const plan = c.paymentPlan.map(
    (p) =>
      `回款计划 ${p.seq}：${KIND[p.kind] ?? p.kind} ${p.dueDate} ${yuan(p.amount)}${p.note ? `（${p.note}）` : ''}`,
  );
  const body = c.body ? c.body.split(/\r?\n/).filter((s) => s.trim()) : [];
  const pdf = await renderPdf({
    title: '销售合同',
    companyName: c.partyA,
    documentNo: c.revision > 1 ? `${c.no}（第${c.revision}版）` : c.no,
    documentNoLabel: '合同编号',
    headerFields: [
      { label: '甲方（卖方）', value: c.partyA },
      { label: '乙方（买方）', value: c.partyB },
      { label: '合同名称', value: c.title, wide: true },
      { label: '合同期限', value: [c.startDate, c.endDate].filter(Boolean).join(' 至 ') },
      { label: '签订日期', value: c.signedDate ?? '' },
    ],
    table: pricedLinesTable(c.lines, 'gross'),
    totals: [{ label: '合同金额', value: yuan(c.amount) }],
    amountInWords: c.amount === null ? PRICE_MASK : amountInWords(c.amount),
    amountInWordsLabel: '合同金额（大写）',
    notes: [...body, ...terms, ...plan],
    footerFields: [
      { label: '甲方签字', value: c.ourSignatory ?? '' },
      { label: '乙方签字', value: c.customerSignatory ?? '' },
    ],
  });
  return { no: c.no, pdf };
}
