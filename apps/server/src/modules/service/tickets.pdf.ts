import { amountInWords, formatDateTime } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { companyName } from '../../platform/org/company.ts';
import { type PrintDoc, renderPdf } from '../../platform/printing/index.ts';
import { getTicket } from './tickets.queries.ts';

const TYPE: Record<string, string> = {
  installation: '安装调试',
  training: '培训',
  repair: '维修',
  maintenance: '保养',
  consultation: '技术咨询',
  onsite: '现场服务',
  parts: '备件',
};
const when = (v: string | null) => (v ? formatDateTime(v) : '');

/**
 * The service report (服务报告单) of a ticket for the customer to sign (SPEC 4.1): ticket, customer,
 * product and batch/serial, warranty, visits with the work done, parts used, charges with the total
 * in figures and capitals, and the customer's signature box (filled once the signed copy is recorded).
 */
export async function ticketReportPdf(ctx: Ctx, id: number): Promise<{ no: string; pdf: Buffer }> {
  const t = await getTicket(ctx, id);
  const company = await companyName(ctx.db);
  const warranty = t.warrantyUntil
    ? `${t.inWarranty ? '保修期内' : '已过保修期'}（保修至 ${t.warrantyUntil}）`
    : t.productId
      ? '无保修'
      : '—';
  const rows: string[][] = [
    ...t.visits.map((v, i) => [
      `上门 ${i + 1}`,
      `${when(v.arrivedAt)} – ${when(v.leftAt)}`,
      `${v.engineerName}：${v.workDone}`,
      '',
      '',
    ]),
    ...t.parts.map((p) => [
      '更换备件',
      [p.batchNo, p.serialNo].filter(Boolean).join(' / '),
      `${p.productCode} ${p.productName}`,
      `${p.qty} ${p.unit}`,
      '',
    ]),
    ...t.charges.map((c) => ['收费项目', '', c.description, '', `¥${c.amount}`]),
  ];
  const doc: PrintDoc = {
    title: '售后服务报告单',
    companyName: company,
    documentNo: t.no,
    documentNoLabel: '工单号',
    headerFields: [
      { label: '客户', value: t.customerName },
      { label: '服务类型', value: TYPE[t.type] ?? t.type },
      { label: '联系人', value: [t.contactName, t.contactPhone].filter(Boolean).join(' ') },
      { label: '工程师', value: t.engineerName ?? '' },
      { label: '批号/序列号', value: [t.batchNo, t.serialNo].filter(Boolean).join(' / ') },
      { label: '保修', value: warranty },
      { label: '报修时间', value: when(t.createdAt) },
      { label: '完成时间', value: when(t.resolvedAt) },
      { label: '故障描述', value: [t.subject, t.description].filter(Boolean).join('：'), wide: true },
      { label: '处理结果', value: t.resolution ?? '', wide: true },
    ],
    table: {
      columns: [
        { header: '项目', width: 1.2 },
        { header: '时间/批号', width: 2.2 },
        { header: '内容', width: 4 },
        { header: '数量', width: 1, align: 'right' },
        { header: '金额', width: 1.4, align: 'right' },
      ],
      rows: rows.length ? rows : [['', '', '（无）', '', '']],
    },
    totals: t.charges.length ? [{ label: '收费合计', value: `¥${t.chargeTotal}` }] : [],
    ...(t.charges.length ? { amountInWords: amountInWords(t.chargeTotal) } : {}),
    notes: [
      ...(t.type === 'installation'
        ? [
            `用户培训：${t.trainingDoneAt ? `已完成（${t.trainingDoneByName ?? ''} ${when(t.trainingDoneAt)}）` : '未完成'}`,
            `操作手册：${t.manualHandedAt ? `已交付（${t.manualHandedByName ?? ''} ${when(t.manualHandedAt)}）` : '未交付'}`,
          ]
        : []),
      t.inWarranty ? '本次服务在保修期内，免费。' : '本次服务为有偿服务，费用见上表。',
      '客户签字即确认以上服务已完成。',
    ],
    footerFields: [
      { label: '服务工程师', value: t.engineerName ?? '' },
      {
        label: '客户签字/日期',
        value: t.reportSignedAt ? `${t.reportSignerName ?? ''} ${when(t.reportSignedAt)}` : '',
      },
    ],
  };
  return { no: t.no, pdf: await renderPdf(doc) };
}
