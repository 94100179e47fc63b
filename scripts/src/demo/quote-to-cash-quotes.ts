/**
 * Quotes in every state (SPEC 3.2): draft, waiting for approval (one below the floor price at the
 * sales director), approved, sent, accepted, rejected, expired, superseded by a revision, and two
 * accepted quotes converted — one to an order, one to a contract. Every quote is approved by the
 * department head (policy quotes.approvalMode = all).
 */
import { QuoteConvertInput, QuoteInput, type QuoteLineInput, QuoteUpdateInput } from '@sales/core';
import { submitQuote } from '../../../apps/server/src/modules/quotes/quotes.approval.ts';
import { convertQuote } from '../../../apps/server/src/modules/quotes/quotes.convert.ts';
import {
  createQuote,
  respondToQuote,
  sendQuote,
  updateQuote,
} from '../../../apps/server/src/modules/quotes/quotes.service.ts';
import { reviseQuote } from '../../../apps/server/src/modules/quotes/quotes.versions.ts';
import { type Q2C, roomy } from './quote-to-cash.ts';
import { PRODUCTS } from './quote-to-cash-products.ts';

const DELIVERY = '合同签订后15个工作日内送货到厂，含安装调试及操作培训。';
const PAYMENT = '货到验收合格后30日内支付全款，开具13%增值税专用发票。';

type Line = [code: string, qty: string, unitPrice?: string, discount?: string];

function lines(q: Q2C, items: Line[]): QuoteLineInput[] {
  return items.map(([code, qty, price, discount]) => ({
    productId: q.products.get(code) as number,
    qty,
    unitPrice: price ?? (PRODUCTS.find((p) => p.code === code)?.std as string),
    discountPercent: discount ?? '0',
  }));
}

interface Story {
  rep: string;
  approver: string;
  daysAgo: number;
  title: string;
  items: Line[];
  fit?: Parameters<Q2C['customer']>[1];
}

/** Creates a draft quote as the rep, `daysAgo` days ago. */
async function draft(q: Q2C, s: Story) {
  const c = q.customer(s.rep, s.fit);
  const ctx = await q.as(s.rep, s.daysAgo);
  const out = await createQuote(
    ctx,
    QuoteInput.parse({
      customerId: c.id,
      title: s.title,
      deliveryTerms: DELIVERY,
      paymentTerms: PAYMENT,
      lines: lines(q, s.items),
    }),
  );
  return { ...out, customer: c };
}

/** Submits a draft and lets the department head approve it (same day). */
async function approve(q: Q2C, s: Story, id: number, comment = '价格符合政策，同意报价。') {
  const ctx = await q.as(s.rep, s.daysAgo);
  const r = await submitQuote(ctx, id, { version: await q.version('quotes', id) });
  if (r.instanceId) await q.decide(s.approver, r.instanceId, comment, s.daysAgo);
}

async function send(q: Q2C, s: Story, id: number, daysAgo = s.daysAgo) {
  await sendQuote(await q.as(s.rep, daysAgo), id, { version: await q.version('quotes', id) });
}

async function respond(q: Q2C, s: Story, id: number, response: 'accepted' | 'rejected', note: string, daysAgo: number) {
  await respondToQuote(await q.as(s.rep, daysAgo), id, { version: await q.version('quotes', id), response, note });
}

export async function createQuotes(q: Q2C): Promise<void> {
  const one = { approver: 'manager1' };
  const two = { approver: 'manager2' };

  // Draft, still being worked on.
  await draft(q, {
    rep: 'rep2',
    ...one,
    daysAgo: 1,
    title: '涂装车间变频器更新报价',
    items: [
      ['ZK-VF55', '6'],
      ['HP-PS18', '12'],
    ],
  });

  // Below the floor price: the department head agreed, now at the sales director.
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 2,
      title: '包装线激光打标设备采购报价',
      items: [
        ['ZK-LM30', '2', '50000.00'],
        ['HS-TRN', '1'],
      ],
    };
    const { id } = await draft(q, s);
    const r = await submitQuote(await q.as('rep1', 2), id, { version: await q.version('quotes', id) });
    if (r.instanceId)
      await q.decide(
        'manager1',
        r.instanceId,
        '客户为区域标杆工厂，后续有二期产线采购，同意低于限价报价，请总监审批。',
        1,
      );
  }

  // Waiting for the 销售二部 head.
  {
    const s: Story = {
      rep: 'rep3',
      ...two,
      daysAgo: 0,
      title: '空压站干燥机及伺服电机报价',
      items: [
        ['ZK-AD10', '8', '6200.00', '3'],
        ['ZK-SV75', '4'],
      ],
    };
    const { id } = await draft(q, s);
    await submitQuote(await q.as('rep3', 0), id, { version: await q.version('quotes', id) });
  }

  // Approved, not yet sent.
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 3,
      title: '装配线触摸屏及PLC补充采购报价',
      items: [
        ['ZK-HMI15', '10', '7600.00', '4'],
        ['ZK-PLC6', '4'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
  }

  // Sent, waiting for the customer.
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 6,
      title: '视觉检测系统及耗材年度报价',
      items: [
        ['ZK-CV5', '2'],
        ['HC-LG1', '200'],
        ['HC-LB100', '100'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 5);
  }

  // Accepted by the customer (二部).
  {
    const s: Story = {
      rep: 'rep4',
      ...two,
      daysAgo: 9,
      title: '水泵房变频改造报价',
      items: [
        ['ZK-VF55', '3'],
        ['HP-FAN', '3'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 8);
    await respond(q, s, id, 'accepted', '客户采购部回函确认接受本报价，待走内部请购流程。', 4);
  }

  // Rejected.
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 25,
      title: '焊装车间工业机器人报价',
      items: [['ZK-RB10', '1', '168000.00', '3']],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 24);
    await respond(q, s, id, 'rejected', '客户预算未获批，本年度暂缓采购；明年一季度再跟进。', 12);
  }

  // Expired: sent 44 days ago, valid for 30 days, no answer (the validity sweep marks it).
  {
    const s: Story = {
      rep: 'rep2',
      ...one,
      daysAgo: 45,
      title: '新产线PLC控制器批量报价',
      items: [
        ['ZK-PLC6', '12', '9800.00', '3'],
        ['HC-AS5', '500'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 44);
  }

  // Superseded: the customer asked for more units; revision 2 was approved and sent.
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 20,
      title: '新厂区变频器配置报价',
      items: [
        ['ZK-VF55', '8'],
        ['HC-LG1', '100'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 19);
    const rev = await reviseQuote(await q.as('rep1', 10), id, { version: await q.version('quotes', id) });
    await updateQuote(
      await q.as('rep1', 10),
      rev.id,
      QuoteUpdateInput.parse({
        title: '新厂区变频器配置报价（第二版：增加至12台）',
        deliveryTerms: DELIVERY,
        paymentTerms: PAYMENT,
        lines: lines(q, [
          ['ZK-VF55', '12', '18800.00', '3'],
          ['HC-LG1', '150'],
          ['HS-INST', '12', '1500.00'],
        ]),
        version: await q.version('quotes', rev.id),
      }),
    );
    const s2 = { ...s, daysAgo: 10 };
    await approve(q, s2, rev.id, '数量增加后折扣在权限内，同意。');
    await send(q, s2, rev.id, 9);
  }

  // Accepted and converted to an order (the order is then submitted by the orders part).
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 8,
      title: '机加车间PLC及触摸屏采购报价',
      items: [
        ['ZK-PLC6', '6'],
        ['ZK-HMI15', '4'],
      ],
      fit: roomy(200_000),
    };
    const { id } = await draft(q, s);
    await approve(q, s, id);
    await send(q, s, id, 7);
    await respond(q, s, id, 'accepted', '客户电话确认接受，要求两周内到货。', 2);
    const r = await convertQuote(
      await q.as('rep1', 1),
      id,
      QuoteConvertInput.parse({ version: await q.version('quotes', id), target: 'order', requestedDate: q.day(12) }),
    );
    if (r.orderId) q.refs.set('quoteOrder', r.orderId);
  }

  // Accepted and converted to a contract (the contract stays a draft for the rep to complete).
  {
    const s: Story = {
      rep: 'rep1',
      ...one,
      daysAgo: 15,
      title: '二期智能产线电控设备配置项目',
      items: [
        ['ZK-VF55', '10', '18800.00', '4'],
        ['ZK-LM30', '1'],
        ['HS-INST', '11'],
      ],
    };
    const { id } = await draft(q, s);
    await approve(q, s, id, '项目金额较大，折扣在权限内，同意。');
    await send(q, s, id, 14);
    await respond(q, s, id, 'accepted', '客户确认中标通知，按报价签订合同。', 6);
    const r = await convertQuote(
      await q.as('rep1', 5),
      id,
      QuoteConvertInput.parse({ version: await q.version('quotes', id), target: 'contract' }),
    );
    if (r.contractId) q.refs.set('quoteContract', r.contractId);
  }
}
