import { money } from '@sales/core';
import { asc, isNull } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { departments } from '../../platform/org/org.schema.ts';
import { renderPdf } from '../../platform/printing/index.ts';
import { getQuote } from './quotes.queries.ts';

const yuan = (v: string) =>
  `¥${money(v)
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const pct = (v: string) => `${money(v).toString()}%`;

/** The quote as a printable PDF (报价单): customer, validity, lines, totals, 大写 and terms. */
export async function renderQuotePdf(ctx: Ctx, id: number): Promise<{ no: string; revision: number; pdf: Buffer }> {
  const q = await getQuote(ctx, id);
  const [root] = await ctx.db
    .select({ name: departments.name })
    .from(departments)
    .where(isNull(departments.parentId))
    .orderBy(asc(departments.id))
    .limit(1);
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
    companyName: root?.name ?? '',
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
    table: {
      columns: [
        { header: '序号', width: 4, align: 'center' },
        { header: '产品编码', width: 9 },
        { header: '名称', width: 12 },
        { header: '规格', width: 9 },
        { header: '单位', width: 4, align: 'center' },
        { header: '数量', width: 7, align: 'right' },
        { header: '单价', width: 9, align: 'right' },
        { header: '折扣', width: 6, align: 'right' },
        { header: '税率', width: 5, align: 'right' },
        { header: '金额', width: 10, align: 'right' },
        { header: '税额', width: 9, align: 'right' },
        { header: '价税合计', width: 10, align: 'right' },
      ],
      rows: q.lines.map((l) => [
        String(l.lineNo),
        l.productCode ?? '',
        l.description,
        l.spec ?? '',
        l.unit,
        money(l.qty).toString(),
        yuan(l.unitPrice),
        pct(l.discountPercent),
        pct(l.taxRate),
        yuan(l.netAmount),
        yuan(l.taxAmount),
        yuan(l.grossAmount),
      ]),
    },
    totals: [
      { label: '不含税金额', value: yuan(q.totalNet) },
      { label: '税额', value: yuan(q.totalTax) },
      { label: '价税合计', value: yuan(q.totalGross) },
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
