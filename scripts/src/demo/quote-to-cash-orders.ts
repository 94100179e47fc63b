/**
 * Sales orders in every state (SPEC 3.4) and their deliveries: draft, submitted, under review
 * blocked on credit (override waiting at the department head), approved with stock reserved, in
 * preparation with a 销售任务单 for the short product, partially delivered and past its promised
 * date, delivered (one line short-received), completed, cancelled, a phone order confirmed back,
 * an emergency-released shipment, a counter sale paid in cash and collected, and two older orders
 * whose invoices are now overdue.
 */
import { CreditRequestInput, money, PaymentInput, toMoneyString } from '@sales/core';
import { eq } from 'drizzle-orm';
import { requestCreditChange } from '../../../apps/server/src/modules/customers/credit.service.ts';
import { recordPayment } from '../../../apps/server/src/modules/finance/payments.service.ts';
import { orderLinesOf, orders } from '../../../apps/server/src/modules/orders/index.ts';
import { cancelOrder, confirmOrder, prepareOrder } from '../../../apps/server/src/modules/orders/orders.service.ts';
import { createProductionTasks } from '../../../apps/server/src/modules/orders/planning.service.ts';
import { type Q2C, roomy } from './quote-to-cash.ts';
import { deliver } from './quote-to-cash-fulfilment.ts';
import { approved, placeDemoOrder, review, type Spec, submit } from './quote-to-cash-order-steps.ts';
import { DAY } from './rng.ts';
import type { DemoCustomer } from './world.ts';

/**
 * Sets aside the customer of the order over its credit limit before the other stories take rep1's
 * customers: it needs a limit a few dozen units can exceed. Which customers are free varies with
 * the clock (the demo's dates follow it); when none with such a limit is left, rep1 had an unrated
 * one rated first — a credit request approved by the department head, like any other.
 */
export async function reserveOverLimitCustomer(q: Q2C): Promise<void> {
  const fits = (x: DemoCustomer) =>
    x.creditLimit !== null && Number(x.creditLimit) >= 50_000 && Number(x.creditLimit) <= 500_000;
  const c = q.customer('rep1', (x) => fits(x) || x.creditLimit === null, fits);
  if (!fits(c)) {
    const input = CreditRequestInput.parse({
      rating: 'C',
      creditLimit: '150000.00',
      paymentTermsDays: 30,
      reason: '首次合作，客户要求货款月结，申请核定授信额度。',
    });
    const { instanceId } = await requestCreditChange(await q.as('rep1', 40), c.id, input);
    await q.decide('manager1', instanceId, '同意，按月复核回款情况。', 40);
    c.creditLimit = input.creditLimit;
  }
  q.refs.set('overLimitCustomer', c.id);
}

export async function createOrders(q: Q2C): Promise<void> {
  // Draft, still being put together.
  await placeDemoOrder(q, {
    by: 'rep2',
    daysAgo: 1,
    items: [
      ['ZK-VF55', '2'],
      ['HC-LG1', '50'],
    ],
    requestedIn: 15,
  });

  // Converted from an accepted quote, submitted, waiting for review.
  const fromQuote = q.refs.get('quoteOrder');
  if (fromQuote) await submit(q, 'rep1', fromQuote, 0);

  // Over the credit limit: the review blocked on credit, the override waits at the 销售一部 head.
  {
    const c = q.world.customers.find((x) => x.id === q.refs.get('overLimitCustomer')) as DemoCustomer;
    const units = Math.floor(Number(c.creditLimit) / 21_244) + 2;
    const o = await placeDemoOrder(q, {
      by: 'rep1',
      daysAgo: 1,
      customer: c,
      items: [['ZK-VF55', String(units)]],
      requestedIn: 10,
    });
    await submit(q, 'rep1', o.id, 1);
    await review(q, 'assistant', o.id, 0, '客户应收余额加本单超出信用额度，提交信用超限审批。');
  }

  // Short of stock: the review found only part of the vision systems; it waits for the planner.
  {
    const o = await placeDemoOrder(q, {
      by: 'rep2',
      daysAgo: 1,
      items: [
        ['ZK-CV5', '15'],
        ['HC-LB100', '150'],
      ],
      requestedIn: 6,
    });
    await submit(q, 'rep2', o.id, 1);
    await review(q, 'assistant', o.id, 0, '视觉检测系统库存不足，待计划员确认排产交期后再评审。');
  }

  // Approved, stock reserved; the rep has reported a deposit (finance part).
  const reserved = await approved(q, {
    by: 'rep1',
    daysAgo: 2,
    items: [
      ['ZK-VF55', '3'],
      ['HC-TS50', '200'],
      ['HP-PS18', '10'],
    ],
    requestedIn: 7,
  });
  q.refs.set('orderApproved', reserved.id);

  // In preparation: the robot is short (1 on hand, 3 ordered) — accepted as production.
  {
    const o = await placeDemoOrder(q, {
      by: 'rep1',
      daysAgo: 3,
      items: [
        ['ZK-RB10', '3'],
        ['ZK-VF55', '2'],
      ],
      requestedIn: 14,
      promisedIn: 21,
    });
    await submit(q, 'rep1', o.id, 3);
    await review(q, 'assistant', o.id, 2, '工业机器人库存1台，余2台安排生产，承诺交期已与客户确认。', true);
    const [u8] = await orderLinesOf(q.world.tx, o.id);
    const planner = await q.as('planner', 2);
    await createProductionTasks(planner, o.id, {
      lines: [{ orderLineId: u8.id, kind: 'production', qty: '2', dueDate: q.day(15) }],
    });
    await prepareOrder(planner, o.id, await q.version('orders', o.id));
  }

  // Partially delivered and past its promised date (the slip sweep gives the rep a task); the
  // rest waits on a draft note for QA.
  {
    const s: Spec = {
      by: 'rep2',
      daysAgo: 20,
      items: [
        ['ZK-PLC6', '10'],
        ['HC-AS5', '1000'],
      ],
      requestedIn: 8,
      promisedIn: 15,
    };
    const o = await approved(q, s);
    await deliver(q, o.id, {
      lines: [
        [1, '6'],
        [2, '1000'],
      ],
      daysAgo: 10,
      reworkLine: 2,
      signedDaysAgo: 8,
    });
    await deliver(q, o.id, { lines: [[1, '4']], daysAgo: 0, draftOnly: true });
    q.refs.set('orderPartial', o.id);
  }

  // Delivered in full; two tins of grease were refused at sign-off (discrepancy).
  {
    const s: Spec = {
      by: 'rep1',
      daysAgo: 30,
      items: [
        ['ZK-CV5', '2'],
        ['HC-LG1', '100'],
        ['ZK-LM30', '1'],
      ],
      requestedIn: 5,
    };
    const o = await approved(q, s);
    await deliver(q, o.id, {
      lines: [
        [1, '2'],
        [2, '100'],
        [3, '1'],
      ],
      daysAgo: 26,
      signedDaysAgo: 24,
      shortReceived: [2, '98', '润滑脂2罐包装破损渗漏，客户拒收，由送货员带回，待办理退货。'],
    });
    q.refs.set('orderDelivered', o.id);
  }

  // Delivered and signed; completed after payment (finance part).
  {
    const s: Spec = {
      by: 'rep1',
      daysAgo: 45,
      items: [
        ['ZK-VF55', '2'],
        ['HP-FAN', '2'],
      ],
      requestedIn: 4,
    };
    const o = await approved(q, s);
    await deliver(q, o.id, {
      lines: [
        [1, '2'],
        [2, '2'],
      ],
      daysAgo: 41,
      signedDaysAgo: 40,
    });
    q.refs.set('orderCompleted', o.id);
  }

  // Cancelled after approval: reservations released.
  {
    const s: Spec = {
      by: 'rep2',
      daysAgo: 6,
      items: [
        ['ZK-AD10', '5'],
        ['ZK-SV75', '2'],
      ],
      requestedIn: 10,
    };
    const o = await approved(q, s);
    await cancelOrder(await q.as('rep2', 3), o.id, {
      version: await q.version('orders', o.id),
      reason: '客户技改项目延期，本批次取消，改为明年一季度统一招标。',
    });
  }

  // A phone order taken by the order desk, confirmed back with the customer, reviewed by the manager.
  {
    const c = q.customer('rep1', roomy(60_000));
    const o = await placeDemoOrder(q, {
      by: 'assistant',
      daysAgo: 1,
      channel: 'phone',
      customer: c,
      items: [
        ['HC-LG1', '300'],
        ['HC-LB100', '100'],
        ['HC-CF1', '120'],
      ],
      requestedIn: 5,
      remark: '客户设备部电话订货',
    });
    await confirmOrder(await q.as('assistant', 1), o.id, {
      version: await q.version('orders', o.id),
      note: '已回拨客户设备部李明确认品种、数量及送货地址。',
    });
    await submit(q, 'assistant', o.id, 1);
    await review(q, 'manager1', o.id, 0);
  }

  // 门市销售: a walk-in customer buys consumables at the counter; the cashier takes cash (唱收唱找:
  // tendered and change recorded on the paid sales voucher) and the goods are released against it.
  {
    const o = await approved(q, {
      by: 'rep1',
      daysAgo: 2,
      channel: 'counter',
      items: [
        ['HC-LG1', '6'],
        ['HC-CF1', '12'],
      ],
      requestedIn: 0,
      remark: '门市自提',
    });
    const [row] = await q.world.tx.select({ gross: orders.totalGross }).from(orders).where(eq(orders.id, o.id));
    await recordPayment(
      await q.as('finance', 2),
      PaymentInput.parse({
        orderId: o.id,
        kind: 'full',
        method: 'cash',
        amount: toMoneyString(row.gross),
        tendered: toMoneyString(money(row.gross).div(100).ceil().times(100)),
        receivedDate: q.day(-2),
        payerName: o.customer.name,
        remark: '门市现金收款',
      }),
    );
    await deliver(q, o.id, {
      lines: [
        [1, '6'],
        [2, '12'],
      ],
      daysAgo: 2,
      signedDaysAgo: 2,
      signer: '门市顾客 本人',
    });
  }

  // Shipped under an emergency release: the air dryers are not inspected yet (still flagged).
  {
    const s: Spec = {
      by: 'rep1',
      daysAgo: 4,
      items: [
        ['ZK-SV75', '4'],
        ['ZK-AD10', '3'],
      ],
      requestedIn: 2,
    };
    const o = await approved(q, s);
    await deliver(q, o.id, {
      lines: [
        [1, '4'],
        [2, '3'],
      ],
      daysAgo: 2,
      emergencyLine: 2,
    });
  }

  // Older orders, delivered and signed; their invoices are overdue (finance part). Invoices are
  // dated so that one is due > 90 days ago and one 31–60 days ago (due = issue + payment terms).
  for (const [key, owner, overdue] of [
    ['orderOver90', 'rep1', 110],
    ['orderOver30', 'rep2', 45],
  ] as const) {
    const c = q.customer(
      owner,
      (x) =>
        roomy(150_000)(x) && (x.paymentTermsDays ?? 30) <= 60 && x.createdAt.getTime() < q.now.getTime() - 200 * DAY,
    );
    const invoiceDaysAgo = overdue + (c.paymentTermsDays ?? 30);
    const start = invoiceDaysAgo + 12;
    const s: Spec = {
      by: owner,
      daysAgo: start,
      customer: c,
      items: [
        ['ZK-VF55', '4'],
        ['HC-LG1', '200'],
      ],
      requestedIn: 5,
    };
    const o = await approved(q, s);
    await deliver(q, o.id, {
      lines: [
        [1, '4'],
        [2, '200'],
      ],
      daysAgo: start - 6,
      signedDaysAgo: start - 8,
    });
    q.refs.set(key, o.id);
    q.refs.set(`${key}:invoiceDaysAgo`, invoiceDaysAgo);
  }
}
