import { formatYuan } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { companyName } from '../../platform/org/company.ts';
import { pricedLinesTable, renderPdf } from '../../platform/printing/index.ts';
import { getQuote } from './quotes.queries.ts';

/** The quote as a printable PDF (报价单): customer, validity, lines, totals, 大写 and terms. */
export async function renderQuotePdf(ctx: Ctx, id: number): Promise<{ no: string; revision: number; pdf: Buffer }> {
  const q = await getQuote(ctx, id);
  const company = await companyName(ctx.db);
  const notes = [
    // A quote goes to the customer only once approved (SPEC 3.2 internal approval).
    q.status === 'draft' || q.status === 'pending_approval'
      ? `本报价单尚未批准（${q.status === 'draft' ? '草稿' : '审批中'}），仅供内部核对，不得发给客户。`
      : null,
    q.deliveryTerms ? `交货条款：${q.deliveryTerms}` : null,
    q.paymentTerms ? `付款条款：${q.paymentTerms}` : null,
    q.remark ? `说明：${q.remark}` : null,
    `以上单价为不含税单价；本报价有效期至 ${q.validUntil}。`,
  ].filter((n): n is string => n !== null);
  const pdf = await renderPdf({
    title: '报价单',
    companyName: company,
    documentNo: q.revision > 1 ? `${q.no}（第${q.revision}版）` : q.no,
    documentNoLabel: '报价单号',
    headerFields: [
      { label: '客户', value: q.customerName ?? '' },
      { label: '联系人', value: [q.contactName, q.contactMobile].filter(Boolean).join(' ') },
      { label: '报价主题', value: q.title },
      { label: '有效期至', value: q.validUntil },
      { label: '报价人', value: q.ownerName ?? '' },
      { label: '报价日期', value: q.createdAt.slice(0, 10) },
    ],
    table: pricedLinesTable(q.lines),
    totals: [
      { label: '不含税金额', value: formatYuan(q.totalNet) },
      { label: '税额', value: formatYuan(q.totalTax) },
      { label: '价税合计', value: formatYuan(q.totalGross) },
    ],
    amountInWords: q.amountInWords,
    amountInWordsLabel: '价税合计（大写）',
    notes,
    footerFields: [
      { label: '报价单位（盖章）', value: '' },
      { label: '客户确认（签字/盖章）', value: '' },
    ],
    layout: 'landscape',
  });
  return { no: q.no, revision: q.revision, pdf };
}
