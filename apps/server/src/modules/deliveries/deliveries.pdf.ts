import { amountInWords, formatAttributes, money, roundMoney, toMoneyString } from '@sales/core';
import type { Ctx } from '../../platform/context.ts';
import { companyName } from '../../platform/org/company.ts';
import { type PrintDoc, renderPdf } from '../../platform/printing/index.ts';
import { deliveryWithOrder } from './deliveries.queries.ts';

/** The three copies of a delivery note (seed 002: 送货单一式三联，一联留存，一联给客户，一联交公司库房). */
export const DELIVERY_COPIES = ['存根联', '客户联', '库房联'];

const qtyText = (v: string) => money(v).toString();

/**
 * The printable 送货单 of a note: header (customer, consignee, order, carrier, boxes), lines with
 * batch/serial and expiry, the amount in figures and capitals, and the signature boxes.
 * Line amount = the order line's tax-inclusive amount × delivered qty / ordered qty, rounded once.
 */
export async function deliveryPdf(ctx: Ctx, id: number): Promise<{ no: string; pdf: Buffer }> {
  const { delivery: d, order } = await deliveryWithOrder(ctx, id);
  const company = await companyName(ctx.db);
  let total = money(0);
  const rows = d.lines.map((l) => {
    const ol = order.lines.get(l.orderLineId);
    const unitGross = ol ? money(ol.grossAmount).div(ol.qty) : money(0);
    const amount = ol ? roundMoney(money(ol.grossAmount).mul(l.qty).div(ol.qty)) : money(0);
    total = total.plus(amount);
    return [
      String(l.lineNo),
      l.productCode ?? '',
      l.productName,
      // 品名规格处注明品牌、规格、颜色 (retail seed 5.2.7.3): the spec with the line's variant attributes.
      [l.spec, formatAttributes(l.attributes)].filter(Boolean).join(' '),
      l.unit,
      [l.batchNo, l.serialNo].filter(Boolean).join(' / '),
      l.expiryDate ?? '',
      qtyText(l.qty),
      toMoneyString(roundMoney(unitGross)),
      toMoneyString(amount),
    ];
  });
  const doc: PrintDoc = {
    title: '送货单',
    companyName: company,
    documentNo: d.no,
    documentNoLabel: '送货单号',
    copies: DELIVERY_COPIES,
    headerFields: [
      { label: '客户', value: d.customerName },
      { label: '订单号', value: d.orderNo },
      { label: '收货人', value: d.consignee },
      { label: '联系电话', value: d.consigneePhone ?? '' },
      { label: '承运人', value: [d.carrier, d.trackingNo].filter(Boolean).join(' ') },
      { label: '箱数', value: d.boxCount === null ? '' : String(d.boxCount) },
      { label: '送货日期', value: d.shippedAt?.slice(0, 10) ?? d.plannedDate ?? '' },
      { label: '收货地址', value: d.address, wide: true },
    ],
    table: {
      columns: [
        { header: '序号', width: 0.8, align: 'center' },
        { header: '产品编码', width: 1.6 },
        { header: '品名', width: 2.2 },
        { header: '规格型号/属性', width: 2.2 },
        { header: '单位', width: 0.8, align: 'center' },
        { header: '批号/序列号', width: 1.8 },
        { header: '有效期至', width: 1.5 },
        { header: '数量', width: 1, align: 'right' },
        { header: '含税单价', width: 1.3, align: 'right' },
        { header: '金额', width: 1.5, align: 'right' },
      ],
      rows,
    },
    totals: [{ label: '合计金额', value: `¥${toMoneyString(total)}` }],
    amountInWords: amountInWords(toMoneyString(total)),
    notes: [
      ...(d.emergencyOpen ? ['本单含紧急放行货物，尚待检验。'] : []),
      '货物当面点清，如有短少、破损请在本单注明。',
      ...(d.remark ? [d.remark] : []),
    ],
    footerFields: [
      { label: '制单', value: d.createdByName ?? '' },
      { label: '发货', value: d.shippedByName ?? '' },
      { label: '承运', value: d.carrier ?? '' },
      { label: '客户签收/日期', value: d.signerName ? `${d.signerName} ${d.signedDate ?? ''}` : '' },
    ],
    layout: 'landscape',
  };
  return { no: d.no, pdf: await renderPdf(doc) };
}
