import { AFTER_SALES_ROLES } from './default-roles.after-sales.ts';
import {
  desk,
  type G,
  lead,
  market,
  marketing,
  pool,
  quality,
  sales,
  trainee,
  trainer,
  viewAll,
} from './default-roles.grants.ts';

export type { G };

/**
 * The roles the seeds name (SPEC 0) with their default grants. Companies may rename, add or
 * remove roles and change grants on the roles page; this is only the starting point.
 */
const ROLES: { code: string; name: string; grants: G[] }[] = [
  // A rep may request the write-off of an own bad debt (坏账核销); it books only after approval.
  // A rep (销售顾问) writes the personal monthly work plan (4S manual 1.1: 提报个人的当月工作计划).
  {
    code: 'sales_rep',
    name: '销售人员',
    grants: [
      ...sales('SELF'),
      ...pool('SELF'),
      ['receivable.writeoff', 'SELF'],
      ['workplan.write', 'ALL'],
      ...trainee('SELF'),
    ],
  },
  {
    code: 'sales_supervisor',
    name: '销售主管',
    grants: [
      ...sales('DEPT_TREE'),
      ['customer.transfer', 'DEPT_TREE'],
      ...pool('DEPT_TREE'),
      ...lead('DEPT_TREE'),
      // Seed 001 销售主管 3: 组织销售人员进行培训和学习.
      ...trainer('DEPT_TREE'),
    ],
  },
  {
    code: 'sales_manager',
    name: '销售经理',
    grants: [
      ...sales('DEPT_TREE'),
      ...lead('DEPT_TREE'),
      ['customer.transfer', 'DEPT_TREE'],
      ['customer.delete', 'DEPT_TREE'],
      ['customer.import', 'DEPT_TREE'],
      ['opportunity.delete', 'DEPT_TREE'],
      ...pool('DEPT_TREE'),
      ...desk('DEPT_TREE'),
      ['plan.edit', 'DEPT_TREE'],
      ...market('DEPT_TREE'),
      ['demand.manage', 'DEPT_TREE'],
      ['order.review', 'DEPT_TREE'],
      ['event.plan', 'ALL'],
      ['event.checkin', 'ALL'],
      ['contract.sign', 'DEPT_TREE'],
      ['price.adjust', 'ALL'],
      ['receivable.writeoff', 'DEPT_TREE'],
      // Seed 001 培训计划 1: 销售经理…制定年度培训计划.
      ...trainer('DEPT_TREE'),
    ],
  },
  {
    code: 'sales_director',
    name: '销售总监',
    grants: [
      ...sales('ALL'),
      ...lead('ALL'),
      ['customer.transfer', 'ALL'],
      ['customer.delete', 'ALL'],
      ['customer.import', 'ALL'],
      ['opportunity.delete', 'ALL'],
      ...pool('ALL'),
      ...desk('ALL'),
      ['frontdesk.grant', 'ALL'],
      ['plan.create', 'ALL'],
      ['plan.edit', 'ALL'],
      ...marketing,
      ['order.review', 'ALL'],
      // Seed 001 销售经理: 组织会议营销活动的筹备工作 — plans events and runs the door on the day.
      ['event.plan', 'ALL'],
      ['event.checkin', 'ALL'],
      ['contract.sign', 'ALL'],
      ['price.adjust', 'ALL'],
      ['price.manage', 'ALL'],
      ['product.manage', 'ALL'],
      ['product.cost', 'ALL'],
      ['trace.view', 'ALL'],
      ['receivable.writeoff', 'ALL'],
      ['training.view', 'ALL'],
      ['training.manage', 'ALL'],
      // Seed 001 费用预算 1: 销售部门制定费用预算 — the sales director sets the department budgets.
      ['budget.manage', 'ALL'],
    ],
  },
  {
    code: 'general_manager',
    name: '总经理',
    grants: [
      ['customer.view', 'ALL'],
      ['customer.export', 'ALL'],
      ['opportunity.view', 'ALL'],
      ['opportunity.export', 'ALL'],
      ['audit.view', 'ALL'],
      ['frontdesk.view', 'ALL'],
      ['frontdesk.grant', 'ALL'],
      ...viewAll,
      ['product.cost', 'ALL'],
      ['receivable.export', 'ALL'],
      ['price.adjust', 'ALL'],
      ['complaint.view', 'ALL'],
      ['visit.view', 'ALL'],
      // Creates and approves the company's annual plan (SPEC 2.1).
      ['plan.view', 'ALL'],
      ['plan.create', 'ALL'],
      ['plan.edit', 'ALL'],
      ['workplan.view', 'ALL'],
      ['event.view', 'ALL'],
      ['analytics.view', 'ALL'],
      ['report.view', 'ALL'],
      ['worklog.view', 'ALL'],
      ...lead('ALL'),
      // Sets the company's appraisal schemes (seed 003 绩效考核: 考核指标 and their 占比).
      ['appraisal.scheme', 'ALL'],
      // Approves promotion stages (seed 000 5.2.1: 按《权责手册》审批) and reads market research.
      ...market('ALL'),
      ['competitor.view', 'ALL'],
      ['demand.view', 'ALL'],
      ['training.view', 'ALL'],
      // Seed 001 费用预算 3: 费用预算经公司领导审批后执行 — sets budgets, approves spending beyond them.
      ['expense.view', 'ALL'],
      ['expense.claim', 'ALL'],
      ['budget.view', 'ALL'],
      ['budget.manage', 'ALL'],
    ],
  },
  {
    code: 'board',
    name: '董事会',
    grants: [
      ['customer.view', 'ALL'],
      ['opportunity.view', 'ALL'],
      ...viewAll,
      ['product.cost', 'ALL'],
      ['analytics.view', 'ALL'],
      ['report.view', 'ALL'],
    ],
  },
  // 市场调研员 (seed 003: 市场调研部门每半年撰写一份市场调研报告; seed 000 4.1 市场调查与预测).
  {
    code: 'market_research',
    name: '市场调研员',
    grants: [
      ...marketing,
      ['product.view', 'ALL'],
      ['customer.view', 'ALL'],
      ['opportunity.view', 'ALL'],
      ['analytics.view', 'ALL'],
    ],
  },
  {
    code: 'front_desk',
    name: '前台接待',
    grants: [
      ['customer.view', 'SELF'],
      ['customer.create', 'ALL'],
      ['followup.create', 'SELF'],
      ['frontdesk.register', 'ALL'],
      ['frontdesk.view', 'ALL'],
      // Seed 001 现场组织: 引导客户签到、就座，发放礼品 — check-in of every event, walk-ins registered.
      ['event.checkin', 'ALL'],
      // The front desk takes calls and visits (SPEC 2.9): records inquiries, answers its own.
      ['inquiry.create', 'ALL'],
      ['inquiry.view', 'SELF'],
      ['inquiry.handle', 'SELF'],
    ],
  },
  // 销售内业 receives the front desk's daily counts (seed 000: 上门客户总量、电话接听量报给销售助理).
  // 销售内业 is also the order desk (跟单): enters and reviews the department's orders.
  {
    code: 'sales_assistant',
    name: '销售内业',
    grants: [
      ...sales('DEPT'),
      ['pool.view', 'DEPT'],
      ['frontdesk.view', 'ALL'],
      ['order.review', 'DEPT'],
      ...trainee('SELF'),
    ],
  },
  {
    code: 'planner',
    name: '计划员',
    grants: [
      ['customer.view', 'ALL'],
      ['product.view', 'ALL'],
      ['stock.view', 'ALL'],
      ['order.view', 'ALL'],
      ['order.plan', 'ALL'],
      // Asked to investigate a complaint (生产): sees the complaints they investigate.
      ['complaint.view', 'SELF'],
    ],
  },
  {
    code: 'commerce',
    name: '商务专员',
    grants: [
      ['customer.view', 'ALL'],
      ['customer.edit', 'ALL'],
      ['followup.create', 'ALL'],
      ['product.view', 'ALL'],
      ['quote.view', 'ALL'],
      ['contract.view', 'ALL'],
      ['contract.create', 'ALL'],
      ['contract.edit', 'ALL'],
      ['contract.sign', 'ALL'],
      ['contract.export', 'ALL'],
      ['contract_template.manage', 'ALL'],
      ['order.view', 'ALL'],
      ['order.review', 'ALL'],
      // Seed 000 4.2.2 / 3.2: 商务部 organises the handling of objections and checks the service's effect.
      ['delivery.view', 'ALL'],
      ['trace.view', 'ALL'],
      ['complaint.view', 'ALL'],
      ['complaint.create', 'ALL'],
      ['complaint.handle', 'ALL'],
      ['ticket.view', 'ALL'],
      ['ticket.create', 'ALL'],
      ['visit.view', 'ALL'],
      ['survey.manage', 'ALL'],
    ],
  },
  {
    code: 'legal',
    name: '法务',
    grants: [
      ['customer.view', 'ALL'],
      ['contract.view', 'ALL'],
      ['contract_template.manage', 'ALL'],
    ],
  },
  {
    code: 'finance',
    name: '财务',
    grants: [
      ['customer.view', 'ALL'],
      ['customer.export', 'ALL'],
      ...viewAll,
      ['product.cost', 'ALL'],
      ['payment.report', 'ALL'],
      ['payment.confirm', 'ALL'],
      ['invoice.issue', 'ALL'],
      ['receivable.export', 'ALL'],
      ['receivable.writeoff', 'ALL'],
      ['analytics.view', 'ALL'],
      ['report.view', 'ALL'],
      // Seed 001 费用报销 3: 财务部门对报销费用进行终审, 审核通过后予以报销; budgets and their analysis.
      ['expense.view', 'ALL'],
      ['expense.claim', 'ALL'],
      ['expense.pay', 'ALL'],
      ['expense.analyze', 'ALL'],
      ['budget.view', 'ALL'],
      ['budget.manage', 'ALL'],
    ],
  },
  {
    code: 'warehouse',
    name: '库房保管员',
    grants: [
      ['product.view', 'ALL'],
      ['stock.view', 'ALL'],
      ['stock.manage', 'ALL'],
      ['order.view', 'ALL'],
      ['delivery.view', 'ALL'],
      ['delivery.create', 'ALL'],
      ['delivery.ship', 'ALL'],
      ['delivery.sign', 'ALL'],
      ['trace.view', 'ALL'],
      // 库管 records the returned goods reaching the warehouse: the 3-working-day clock starts then.
      ['return.view', 'ALL'],
      ['return.receive', 'ALL'],
    ],
  },
  {
    code: 'qa',
    name: '质检员',
    grants: [
      ['customer.view', 'ALL'],
      ['product.view', 'ALL'],
      ['stock.view', 'ALL'],
      ['delivery.view', 'ALL'],
      ['delivery.inspect', 'ALL'],
      ['trace.view', 'ALL'],
      // Asked to investigate a complaint (质检): sees the complaints they investigate.
      ['complaint.view', 'SELF'],
      // 质管部审核 in the sales-return chain (seed 000 第三条).
      ['return.view', 'ALL'],
      // 质管部 runs the internal audits and document control of the sales-service process (SPEC 5.7).
      ...quality,
    ],
  },
  // After the sale: the return chain and the service desk (default-roles.after-sales.ts).
  ...AFTER_SALES_ROLES,
  {
    code: 'admin',
    name: '系统管理员',
    grants: [
      ['customer.view', 'ALL'],
      ['user.manage', 'ALL'],
      ['customer.import', 'ALL'],
      ['dept.manage', 'ALL'],
      ['role.manage', 'ALL'],
      ['policy.manage', 'ALL'],
      ['calendar.manage', 'ALL'],
      ['audit.view', 'ALL'],
      ['accesslog.view', 'ALL'],
      ['approval.manage', 'ALL'],
      ['appraisal.scheme', 'ALL'],
      ['pipeline.manage', 'ALL'],
      ['opportunity.view', 'ALL'],
      ['pool.view', 'ALL'],
      ['pool.manage', 'ALL'],
      ['duty.manage', 'ALL'],
      ['frontdesk.view', 'ALL'],
      ['product.view', 'ALL'],
      ['product.manage', 'ALL'],
      ['price.manage', 'ALL'],
      ['stock.view', 'ALL'],
      ['stock.manage', 'ALL'],
      ['contract_template.manage', 'ALL'],
      ['apitoken.admin', 'ALL'],
      ['webhook.manage', 'ALL'],
      ['sla.manage', 'ALL'],
      ['milestone.manage', 'ALL'],
    ],
  },
];

/**
 * SPEC 1.2: contract price terms are masked for roles without the right. Every role that sees
 * contracts sees their prices, except 法务 (issue 9: legal reviews the text, not the prices, unless
 * a company grants it).
 */
const seesContractPrices = (r: { code: string; grants: G[] }) =>
  r.code !== 'legal' && r.grants.some(([p]) => p === 'contract.view');

/**
 * What every employee has unless the role grants more: their own discipline records to read and
 * acknowledge (SPEC 5.6), their own appraisal results to acknowledge or object to (SPEC 5.2), the corrective actions they own (SPEC 5.7), and the controlled document
 * list — the current version of every procedure and form (seed 000 3.2.1 文件控制).
 */
const EVERYONE: G[] = [
  ['discipline.view', 'SELF'],
  ['appraisal.view', 'SELF'],
  ['capa.view', 'SELF'],
  ['document.view', 'ALL'],
];
const everyone = (r: { grants: G[] }) => EVERYONE.filter(([p]) => !r.grants.some(([q]) => q === p));

// SPEC 1.11: everyone who signs in may create personal API tokens, which act with their own rights.
export const DEFAULT_ROLES = ROLES.map((r) => ({
  ...r,
  grants: [
    ...r.grants,
    ...(seesContractPrices(r) ? [['contract.prices', 'ALL'] as G] : []),
    ['apitoken.manage', 'ALL'] as G,
    ...everyone(r),
  ],
}));
