/**
 * Contracts (SPEC 3.3) from a template with merge fields, each drafted from the proposal (销售提案)
 * the customer accepted (seed 000 3.1.3): one in 合同评审 at legal, one signed with a
 * payment plan (deposit paid, goods delivered and invoiced, first instalment overdue, second not yet
 * due), one signed with an amendment under review, one signed whose delivered goods are in an open
 * dispute; the quote-converted one stays a draft. Signing attaches a scanned signed copy (a small
 * real PDF); a signed contract's goods go out on an order with the contract's lines.
 */
import {
  ContractInput,
  ContractTemplateInput,
  InvoiceInput,
  lineAmounts,
  money,
  PaymentInput,
  type PaymentPlanItemInput,
  type PricedLineInput,
  ProposalInput,
  toMoneyString,
} from '@sales/core';
import { asc, eq } from 'drizzle-orm';
import { proposeAmendment } from '../../../apps/server/src/modules/contracts/contracts.amend.ts';
import { recordDispute } from '../../../apps/server/src/modules/contracts/contracts.disputes.ts';
import { submitContractReview } from '../../../apps/server/src/modules/contracts/contracts.review.ts';
import { createContract } from '../../../apps/server/src/modules/contracts/contracts.service.ts';
import { signContract } from '../../../apps/server/src/modules/contracts/contracts.sign.ts';
import { contractLinesOf, contracts, paymentPlanOf } from '../../../apps/server/src/modules/contracts/index.ts';
import { createContractTemplate } from '../../../apps/server/src/modules/contracts/templates.service.ts';
import { issueInvoice } from '../../../apps/server/src/modules/finance/invoices.service.ts';
import { recordPayment } from '../../../apps/server/src/modules/finance/payments.service.ts';
import { opportunities, pipelineStages, pipelines } from '../../../apps/server/src/modules/opportunities/index.ts';
import { createProposal, respondToProposal } from '../../../apps/server/src/modules/opportunities/proposals.service.ts';
import { nextDocNumber } from '../../../apps/server/src/platform/numbering/numbering.service.ts';
import type { Q2C } from './quote-to-cash.ts';
import { deliver } from './quote-to-cash-fulfilment.ts';
import { approved } from './quote-to-cash-order-steps.ts';
import { PRODUCTS } from './quote-to-cash-products.ts';
import type { DemoCustomer } from './world.ts';

const BODY = `工业设备购销合同

合同编号：{{contractNo}}
买方（甲方）：{{customerName}}
卖方（乙方）：华东智造科技有限公司

第一条 合同金额：人民币{{amount}}（大写：{{amountInWords}}），含13%增值税。
第二条 交货：{{deliveryTerms}}
第三条 付款：{{paymentTerms}}
第四条 质量标准：{{qualityStandard}}
第五条 售后服务：{{afterSalesTerms}}
第六条 争议解决：双方协商解决；协商不成的，提交乙方所在地人民法院诉讼解决。
第七条 本合同一式肆份，双方各执贰份，自双方签字盖章之日起生效。

签订日期：{{signedDate}}`;

type Line = [code: string, qty: string, discount?: string];

function contractLines(q: Q2C, items: Line[]): { lines: PricedLineInput[]; amount: string } {
  let total = money(0);
  const lines = items.map(([code, qty, discount]) => {
    const p = PRODUCTS.find((x) => x.code === code);
    if (!p) throw new Error(`demo product ${code} missing`);
    const l = { productId: q.products.get(code) as number, qty, unitPrice: p.std, discountPercent: discount ?? '0' };
    total = total.plus(lineAmounts({ ...l, taxRate: p.tax }).grossAmount);
    return l;
  });
  return { lines, amount: toMoneyString(total) };
}

/** Splits an amount by percentages (the last item takes the rounding rest). */
function plan(amount: string, items: [PaymentPlanItemInput['kind'], number, string, string][]): PaymentPlanItemInput[] {
  let left = money(amount);
  return items.map(([kind, pct, dueDate, note], i) => {
    const a = i === items.length - 1 ? left : money(amount).times(pct).div(100).toDecimalPlaces(2);
    left = left.minus(a);
    return { kind, dueDate, amount: toMoneyString(a), note };
  });
}

interface Deal {
  title: string;
  items: Line[];
  daysAgo: number;
  plan: (amount: string) => PaymentPlanItemInput[];
  qualityStandard?: string;
}

export async function createContracts(q: Q2C): Promise<void> {
  const tpl = await createContractTemplate(
    await q.as('legal', 120),
    ContractTemplateInput.parse({
      name: '工业设备购销合同（标准版）',
      body: BODY,
      qualityStandard: '符合国家及行业相关标准，随货提供合格证、中文说明书及出厂检验报告。',
      afterSalesTerms: '整机保修24个月（耗材除外），接到报修后4小时响应、24小时内到场。',
    }),
  );
  const terms = {
    deliveryTerms: '合同生效后20个工作日内送货至甲方指定地点，乙方负责安装调试及操作培训。',
    paymentTerms: '按回款计划分期支付；每期付款前乙方开具等额增值税专用发票。',
  };
  const customerSignatories = ['刘经理', '陈总', '王科长', '周部长', '黄厂长'];
  let nextSignatory = 0;

  const [stage] = await q.world.tx
    .select({ pipelineId: pipelines.id, stageId: pipelineStages.id })
    .from(pipelines)
    .innerJoin(pipelineStages, eq(pipelineStages.pipelineId, pipelines.id))
    .where(eq(pipelines.isDefault, true))
    .orderBy(asc(pipelineStages.position))
    .limit(1);

  /**
   * The opportunity (as the demo's opportunities are stored, directly) and, through the service, the
   * proposal the customer accepted before the contract (销售提案, SPEC 3.1).
   */
  const acceptedProposal = async (d: Deal, customerId: number, amount: string) => {
    const rep = await q.as('rep1', d.daysAgo + 12);
    const no = await nextDocNumber(q.world.tx, 'opportunity', rep.now());
    const name = d.title.replace(/合同$/, '');
    const [opp] = await q.world.tx
      .insert(opportunities)
      .values({
        no,
        name,
        customerId,
        ...stage,
        amount,
        ownerId: q.uid('rep1'),
        ownerDeptId: rep.principal.deptId,
        searchText: `${no} ${name}`.toLowerCase(),
        createdBy: q.uid('rep1'),
        createdAt: rep.now(),
        updatedAt: rep.now(),
      })
      .returning({ id: opportunities.id });
    const p = await createProposal(
      rep,
      opp.id,
      ProposalInput.parse({
        title: `${d.title.replace(/采购合同$/, '')}方案`,
        items: d.items
          .map(([code, qty]) => `${PRODUCTS.find((x) => x.code === code)?.name ?? code} × ${qty}`)
          .join('；'),
        price: amount,
        deliveryTerm: terms.deliveryTerms,
        sentOn: q.day(-d.daysAgo - 10),
      }),
    );
    await respondToProposal(await q.as('rep1', d.daysAgo + 3), p?.id as number, {
      response: 'accepted',
      respondedOn: q.day(-d.daysAgo - 3),
      note: '客户书面确认方案及报价。',
      version: p?.version as number,
    });
    return p?.id as number;
  };

  /** Drafts (as rep1) from the accepted proposal, submits to 合同评审 and, unless `stopInReview`, has legal and commerce approve. */
  const contract = async (d: Deal, stopInReview = false) => {
    const { lines, amount } = contractLines(q, d.items);
    const c = q.customer('rep1', (x) => x.creditLimit === null || Number(x.creditLimit) >= Number(amount));
    const proposalId = await acceptedProposal(d, c.id, amount);
    const rep = await q.as('rep1', d.daysAgo);
    const { id, no } = await createContract(
      rep,
      ContractInput.parse({
        customerId: c.id,
        templateId: tpl.id,
        proposalId,
        title: d.title,
        ...terms,
        qualityStandard: d.qualityStandard,
        startDate: q.day(-d.daysAgo),
        endDate: q.day(-d.daysAgo + 365),
        lines,
        paymentPlan: d.plan(amount),
      }),
    );
    const r = await submitContractReview(rep, id, await q.version('contracts', id));
    if (!stopInReview) {
      await q.decide('legal', r.instanceId, '合同条款与范本一致，违约及争议条款无异议。', d.daysAgo - 1);
      await q.decide('commerce', r.instanceId, '交期、付款方式可执行，同意签订。', d.daysAgo - 1);
    }
    return { id, no, amount, customer: c };
  };
  const sign = async (id: number, no: string, customerName: string, daysAgo: number) => {
    const signedDate = q.day(-daysAgo);
    const who = customerSignatories[nextSignatory++ % customerSignatories.length];
    await signContract(await q.as('manager1', daysAgo), id, {
      version: await q.version('contracts', id),
      signedDate,
      ourSignatory: '张伟',
      customerSignatory: who,
      scan: await q.scan(
        '合同签署页（扫描件）',
        no,
        [
          ['甲方', customerName],
          ['甲方代表', who],
          ['乙方代表', '张伟'],
          ['签订日期', signedDate],
        ],
        `${no}-签字盖章版.pdf`,
      ),
    });
  };

  /** Finance books the payment of plan item `index` in full, `daysAgo` days ago. */
  const payItem = async (
    c: { id: number; customer: { name: string } },
    index: number,
    daysAgo: number,
    kind: 'deposit' | 'down_payment',
    remark: string,
  ) => {
    const item = (await paymentPlanOf(q.world.tx, c.id))[index];
    await recordPayment(
      await q.as('finance', daysAgo),
      PaymentInput.parse({
        contractId: c.id,
        planItemId: item.id,
        kind,
        method: 'transfer',
        amount: item.amount,
        receivedDate: q.day(-daysAgo),
        payerName: c.customer.name,
        remark,
      }),
    );
  };

  /** An approved order of the contract's goods (its lines copied), due `requestedIn` days after placing. */
  const orderGoods = async (c: { id: number; customer: DemoCustomer }, daysAgo: number, requestedIn: number) => {
    const lines = (await contractLinesOf(q.world.tx, c.id))
      .filter((l) => l.productId !== null && PRODUCTS.find((p) => p.code === l.productCode)?.cat !== 'SRV')
      .map((l) => ({
        productId: l.productId as number,
        qty: money(l.qty).toString(),
        unitPrice: l.unitPrice,
        discountPercent: l.discountPercent,
        taxRate: l.taxRate as PricedLineInput['taxRate'],
      }));
    const o = await approved(q, {
      by: 'rep1',
      daysAgo,
      customer: c.customer,
      contractId: c.id,
      items: [],
      lines,
      requestedIn,
    });
    return { order: o, lines };
  };

  /** The contract's goods go out on an order, delivered and signed for. */
  const fulfil = async (c: { id: number; customer: DemoCustomer }, daysAgo: number, signer: string) => {
    const { order: o, lines } = await orderGoods(c, daysAgo, 3);
    await deliver(q, o.id, {
      lines: lines.map((l, i) => [i + 1, l.qty]),
      daysAgo: daysAgo - 2,
      signedDaysAgo: daysAgo - 3,
      signer,
    });
  };

  // In 合同评审: waiting for legal.
  await contract(
    {
      title: '总装车间触摸屏及PLC采购合同',
      items: [
        ['ZK-HMI15', '12'],
        ['ZK-PLC6', '8'],
        ['HS-TRN', '2'],
      ],
      daysAgo: 1,
      plan: (a) =>
        plan(a, [
          ['down_payment', 30, q.day(10), '合同生效后10日内'],
          ['final', 70, q.day(60), '验收合格后'],
        ]),
    },
    true,
  );

  // Signed, with a plan: deposit paid, first instalment overdue, second due next month.
  {
    const d: Deal = {
      title: '检测线视觉系统及变频设备采购合同',
      items: [
        ['ZK-CV5', '4', '3'],
        ['ZK-VF55', '8'],
        ['HS-INST', '6'],
      ],
      daysAgo: 70,
      plan: (a) =>
        plan(a, [
          ['deposit', 30, q.day(-64), '定金，合同签订后5日内'],
          ['instalment', 40, q.day(-10), '第一期，到货验收后'],
          ['instalment', 30, q.day(30), '第二期，质保金外余款'],
        ]),
    };
    const c = await contract(d);
    await sign(c.id, c.no, c.customer.name, 66);
    await payItem(c, 0, 63, 'deposit', '银行回单：定金到账');
    await fulfil(c, 24, '设备部 孙工');
    // Goods accepted: finance invoices the whole contract (the instalments are due against it).
    await issueInvoice(
      await q.as('finance', 21),
      InvoiceInput.parse({ contractId: c.id, kind: 'vat_special', externalNo: '26320097' }),
    );
  }

  // Signed; its order is past the delivery date (交付延迟); an amendment (two more drives) is in review.
  {
    const d: Deal = {
      title: '空压站变频节能改造采购合同',
      items: [
        ['ZK-VF55', '6'],
        ['HP-FAN', '6'],
      ],
      daysAgo: 40,
      plan: (a) =>
        plan(a, [
          ['down_payment', 30, q.day(-30), '首期款'],
          ['final', 70, q.day(20), '验收合格后'],
        ]),
    };
    const c = await contract(d);
    await sign(c.id, c.no, c.customer.name, 36);
    await payItem(c, 0, 31, 'down_payment', '首期款电汇到账');
    // The drives were due 5 days ago and have not gone out: the contract shows 交付延迟.
    await orderGoods(c, 12, 7);
    const next = contractLines(q, [
      ['ZK-VF55', '8'],
      ['HP-FAN', '8'],
    ]);
    const [cur] = await q.world.tx
      .select({ qualityStandard: contracts.qualityStandard, afterSalesTerms: contracts.afterSalesTerms })
      .from(contracts)
      .where(eq(contracts.id, c.id));
    await proposeAmendment(await q.as('rep1', 2), c.id, {
      version: await q.version('contracts', c.id),
      reason: '客户空压站扩容，增加变频器及散热风扇组件各2套，金额相应调整。',
      ...terms,
      qualityStandard: cur.qualityStandard,
      afterSalesTerms: cur.afterSalesTerms,
      startDate: q.day(-40),
      endDate: q.day(325),
      lines: next.lines,
      paymentPlan: plan(next.amount, [
        ['down_payment', 30, q.day(-30), '首期款'],
        ['final', 70, q.day(30), '验收合格后'],
      ]),
    });
  }

  // Signed; an open dispute about damaged goods, handled by legal.
  {
    const d: Deal = {
      title: '质检中心视觉检测设备采购合同',
      items: [
        ['ZK-CV5', '3'],
        ['HC-LG1', '300'],
        ['HC-LB100', '200'],
      ],
      daysAgo: 90,
      plan: (a) =>
        plan(a, [
          ['down_payment', 50, q.day(-80), '首期款'],
          ['final', 50, q.day(15), '尾款'],
        ]),
    };
    const c = await contract(d);
    await sign(c.id, c.no, c.customer.name, 86);
    await payItem(c, 0, 81, 'down_payment', '首期款电汇到账');
    // The contract's goods went out on an order; the dispute is about one of the delivered machines.
    await fulfil(c, 80, '质检中心 黄主任');
    await recordDispute(await q.as('rep1', 3), c.id, {
      title: '视觉检测系统相机运输损伤，客户要求换货',
      description:
        '客户反映第3套视觉检测系统的工业相机到货时外壳有裂纹，已拍照留证；客户要求整套换新并延长质保，拒付尾款直至处理完毕。',
      handlerId: q.uid('legal'),
    });
  }
}
