import { describe, expect, it } from 'vitest';
import { type PrintDoc, renderPdf } from './index.ts';
import { pdfPages, pdfText } from './pdf-text.ts';

const COPIES = ['存根联', '客户联', '库房联'];

function deliveryNote(rows: number): PrintDoc {
  return {
    title: '送货单',
    companyName: '上海示例贸易有限公司',
    documentNo: 'SH-20240501-0007',
    copies: COPIES,
    headerFields: [
      { label: '客户', value: '杭州某某机电设备有限公司' },
      { label: '送货日期', value: '2024-05-01' },
      { label: '联系人', value: '王小明 13800138000' },
      { label: '销售订单', value: 'SO-20240428-0012' },
      {
        label: '送货地址',
        value: '浙江省杭州市西湖区文三路 100 号 8 幢 3 楼 301 室（请从北门进入，卸货平台在东侧）',
        wide: true,
      },
    ],
    table: {
      columns: [
        { header: '序号', width: 1, align: 'center' },
        { header: '物料编码', width: 2 },
        { header: '品名规格', width: 5 },
        { header: '单位', width: 1, align: 'center' },
        { header: '数量', width: 1.5, align: 'right' },
        { header: '单价', width: 1.5, align: 'right' },
        { header: '金额', width: 2, align: 'right' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [
        String(i + 1),
        `M-${String(i + 1).padStart(5, '0')}`,
        i === 3
          ? '不锈钢六角螺栓 M8×40 GB/T 5783 A2-70 表面钝化处理 每盒 100 只 附材质证明'
          : `深沟球轴承 62${i % 10}-2RS`,
        '个',
        '2',
        '10.29',
        '20.58',
      ]),
    },
    totals: [
      { label: '合计数量', value: String(rows * 2) },
      { label: '合计金额', value: '¥1,234.50' },
    ],
    amountInWords: '壹仟贰佰叁拾肆元伍角整',
    notes: ['货物当面点清，如有破损请在签收单上注明。', '签收后三个工作日内未提出异议视为验收合格。'],
    footerFields: [
      { label: '制单', value: '李四' },
      { label: '审核', value: '' },
      { label: '签收人/日期', value: '' },
    ],
  };
}

describe('renderPdf', () => {
  it('prints a three-copy delivery note with a 60-row table on two pages per copy', async () => {
    const started = performance.now();
    const buf = await renderPdf(deliveryNote(60));
    const ms = performance.now() - started;
    console.info(`renderPdf: 3 copies × 2 pages in ${ms.toFixed(0)} ms, ${buf.length} bytes`);

    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(buf);
    expect(pages).toHaveLength(6);

    pages.forEach((page, i) => {
      const copy = COPIES[Math.floor(i / 2)];
      expect(page).toContain(copy);
      for (const other of COPIES.filter((c) => c !== copy)) expect(page).not.toContain(other);
      expect(page).toContain('上海示例贸易有限公司');
      expect(page).toContain('送货单');
      expect(page).toContain('单号：SH-20240501-0007');
      expect(page).toContain(`第 ${(i % 2) + 1} 页 / 共 2 页`);
      // The header row repeats on the continuation page.
      expect(page).toContain('品名规格');
    });

    for (let copy = 0; copy < 3; copy++) {
      const [first, second] = [pages[copy * 2], pages[copy * 2 + 1]];
      expect(first).toContain('客户：杭州某某机电设备有限公司');
      expect(second).not.toContain('客户：');
      expect(`${first}\n${second}`).toContain('M-00060');
      expect(second).toContain('合计金额（大写）：壹仟贰佰叁拾肆元伍角整');
      expect(second).toContain('合计金额：¥1,234.50');
      expect(second).toContain('备注：货物当面点清，如有破损请在签收单上注明。');
      expect(second).toContain('签收人/日期：');
      expect(second).toContain('制单：');
      expect(first).not.toContain('壹仟贰佰');
    }
  });

  it('prints a single page set without a copy name when no copies are given', async () => {
    const doc = deliveryNote(5);
    const text = await pdfText(await renderPdf({ ...doc, copies: undefined, title: '销售报价单' }));
    expect(text.split('\f')).toHaveLength(1);
    expect(text).toContain('销售报价单');
    expect(text).toContain('第 1 页 / 共 1 页');
    for (const copy of COPIES) expect(text).not.toContain(copy);
    expect(text).toContain('4 M-00004 不锈钢六角螺栓');
    expect(text).toContain('合计金额（大写）：壹仟贰佰叁拾肆元伍角整');
  });
});
