import type { Permission, Scope } from '../permissions/registry.ts';

/** The grant sets the default roles are built from (default-roles.ts), one per kind of work. */
export type G = [Permission, Scope];
export const sales = (s: Scope): G[] => [
  ['customer.view', s],
  ['customer.create', 'ALL'],
  ['customer.edit', s],
  ['customer.export', s],
  ['followup.create', s],
  ['customer.credit', s],
  ['opportunity.view', s],
  ['opportunity.create', 'ALL'],
  ['opportunity.edit', s],
  ['opportunity.export', s],
  // Quote to cash (SPEC 3.2–3.6): a rep's own documents; finance confirms what reps report.
  ['product.view', 'ALL'],
  ['stock.view', 'ALL'],
  ['quote.view', s],
  ['quote.create', 'ALL'],
  ['quote.edit', s],
  ['quote.export', s],
  ['contract.view', s],
  ['contract.create', 'ALL'],
  ['contract.edit', s],
  ['contract.export', s],
  ['order.view', s],
  ['order.create', 'ALL'],
  ['order.edit', s],
  ['order.cancel', s],
  ['order.export', s],
  ['delivery.view', s],
  ['delivery.create', s],
  ['delivery.sign', s],
  ['payment.view', s],
  ['payment.report', s],
  ['invoice.view', s],
  ['receivable.view', s],
  ['receivable.export', s],
  // A rep takes a customer's service request (报修) and follows the tickets of their scope.
  ['ticket.view', s],
  ['ticket.create', 'ALL'],
  // A rep files the objections they hear (seed 000 4.2.1) and calls their customers back (回访).
  ['complaint.view', s],
  ['complaint.create', 'ALL'],
  ['visit.view', s],
  ['visit.record', s],
  // The rep (退货人) fills the 销后退回申请表 of their own customers' deliveries (seed 000 第三条).
  ['return.view', s],
  ['return.create', 'ALL'],
  // Post-sale processes of their own deals (交付后流程, SPEC 4.5).
  ['milestone.view', s],
  ['milestone.handle', s],
  // Their own target and the plans of their scope; their own monthly work plan (SPEC 2.1).
  ['plan.view', s],
  ['workplan.view', s],
  // Conference marketing (SPEC 2.7; seed 001 会销销售人员 1: 负责客户邀约): the events they invite to, their customers.
  ['event.view', s],
  ['event.invite', s],
  // Their own figures and dashboards (SPEC 5.1): a rep sees own, a manager the department tree.
  ['analytics.view', s],
  ['report.view', s],
  // Work logs and the monthly report (SPEC 5.1): one's own, and those of the scope.
  ['worklog.write', 'ALL'],
  ['worklog.view', s],
  // Market intelligence (SPEC 2.2 / 2.8): reps read competitors and register demand for products
  // the company does not make (seed 002); those above them see the demand of their scope.
  ['competitor.view', 'ALL'],
  ['demand.register', 'ALL'],
  ['demand.view', s],
  // Pre-sale inquiries (SPEC 2.9): reps record and answer their own; managers the department tree.
  ['inquiry.create', 'ALL'],
  ['inquiry.view', s],
  ['inquiry.handle', s],
  // Expenses (SPEC 5.3; seed 001 费用报销): everyone files their own claims; a rep reads the budgets of
  // their department (what is left to spend), those above them the budgets of their scope.
  ['expense.view', s],
  ['expense.claim', 'ALL'],
  ['budget.view', s === 'SELF' ? 'DEPT' : s],
  // Distributors (SPEC 5.5): the dealers they manage, their contacts and the visits to the outlets.
  ['dealer.view', s],
  ['dealer.manage', s],
];
// Those who lead reps read and comment their logs and watch process health (SPEC 5.1).
export const lead = (s: Scope): G[] => [
  ['worklog.comment', s],
  ['monitor.view', 'ALL'],
  // Seed 001 费用控制 4: 定期对销售费用进行分析和评估 — cost analysis of the scope (SPEC 5.3).
  ['expense.analyze', s],
  // They record and decide their people's incidents and rewards (奖惩, SPEC 5.6), read the internal
  // audits of their departments and follow the corrective actions their people own (SPEC 5.7).
  ['discipline.view', s],
  ['discipline.record', s],
  // They run their people's monthly appraisal, score the manual indicators, decide objections (SPEC 5.2).
  ['appraisal.view', s],
  ['appraisal.manage', s],
  // They review their dealers every month and propose rewards (seed 000 每月对所有经销商的业绩审评).
  ['dealer.review', s],
  ['quality.view', s],
  ['capa.view', s],
];
// The quality department (质管部, SPEC 5.7): internal audits, CAPA to closure, document control.
export const quality: G[] = [
  ['quality.view', 'ALL'],
  ['quality.manage', 'ALL'],
  ['capa.view', 'ALL'],
  ['document.view', 'ALL'],
  ['document.manage', 'ALL'],
];
// Market research and promotions of the scope (SPEC 2.2): read by those who lead sales.
export const market = (s: Scope): G[] => [
  ['research.view', s],
  ['promotion.view', s],
];
// Who runs market research and promotions (市场部 / 销售总监, SPEC 2.2; seed 003 市场调研部门).
export const marketing: G[] = [
  ...market('ALL'),
  ['research.write', 'ALL'],
  ['competitor.view', 'ALL'],
  ['competitor.manage', 'ALL'],
  ['promotion.manage', 'ALL'],
  ['demand.view', 'ALL'],
  ['demand.manage', 'ALL'],
];
export const viewAll: G[] = [
  ['product.view', 'ALL'],
  ['stock.view', 'ALL'],
  ['quote.view', 'ALL'],
  ['contract.view', 'ALL'],
  ['order.view', 'ALL'],
  ['delivery.view', 'ALL'],
  ['payment.view', 'ALL'],
  ['invoice.view', 'ALL'],
  ['receivable.view', 'ALL'],
  ['trace.view', 'ALL'],
  ['return.view', 'ALL'],
  ['milestone.view', 'ALL'],
];
// Public pool (公海, SPEC 2.4): see and claim; managers also manage pools.
export const pool = (s: Scope): G[] => [
  ['pool.view', s],
  ['pool.claim', s],
];
// Sales management over the front desk (SPEC 2.3): duty roster, pool management, registrations.
export const desk = (s: Scope): G[] => [
  ['pool.manage', s],
  ['duty.manage', s],
  ['frontdesk.view', s],
  ['frontdesk.resolve', s],
];

// Training (SPEC 5.4): sales staff take part (in-service training each quarter, onboarding when new)
// and see their own records; those who lead them also organise training and keep the staff records.
export const trainee = (s: Scope): G[] => [
  ['training.view', s],
  ['training.attend', 'ALL'],
];
export const trainer = (s: Scope): G[] => [
  ['training.view', s],
  ['training.manage', s],
  ['training.attend', 'ALL'],
];
