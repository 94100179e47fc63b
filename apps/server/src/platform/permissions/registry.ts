/**
 * Every permission the product knows. `scoped` permissions carry a data scope per role
 * (SPEC 1.2: 本人 / 本部门 / 本部门及以下 / 全部 / 自定义部门).
 */
export const PERMISSIONS = [
  { permission: 'customer.view', resource: 'customer', scoped: true },
  { permission: 'customer.create', resource: 'customer', scoped: false },
  { permission: 'customer.edit', resource: 'customer', scoped: true },
  { permission: 'customer.delete', resource: 'customer', scoped: true },
  { permission: 'customer.export', resource: 'customer', scoped: true },
  { permission: 'customer.transfer', resource: 'customer', scoped: true },
  // xlsx import of customers (SPEC 1.9): imported customers' owners must be within this scope.
  { permission: 'customer.import', resource: 'customer', scoped: true },
  // Request a change of rating, credit limit or payment terms (takes effect after approval).
  { permission: 'customer.credit', resource: 'customer', scoped: true },
  // Sees personal data unmasked on every customer in view scope (e.g. compliance officer).
  { permission: 'customer.unmask', resource: 'customer', scoped: false },
  { permission: 'followup.create', resource: 'customer', scoped: true },
  { permission: 'user.manage', resource: 'user', scoped: false },
  { permission: 'dept.manage', resource: 'dept', scoped: false },
  { permission: 'role.manage', resource: 'role', scoped: false },
  { permission: 'policy.manage', resource: 'policy', scoped: false },
  // The company calendar: working week and hours, its own holidays and working days.
  { permission: 'calendar.manage', resource: 'calendar', scoped: false },
  { permission: 'audit.view', resource: 'audit', scoped: false },
  // Read and export the PIPL access log of unmasked personal-data views (admin / PIPL officer).
  { permission: 'accesslog.view', resource: 'access_log', scoped: false },
  { permission: 'approval.manage', resource: 'approval_rule', scoped: false },
  // Public pool (公海): view and claim the pools of one's departments (scope adds the pools of the
  // departments in scope); manage = create/edit pools, move and assign pool customers.
  { permission: 'pool.view', resource: 'pool', scoped: true },
  { permission: 'pool.claim', resource: 'pool', scoped: true },
  { permission: 'pool.manage', resource: 'pool', scoped: true },
  // Front desk (集客): register calls and visits; view registrations routed within scope; grant 补客户.
  { permission: 'frontdesk.register', resource: 'frontdesk_registration', scoped: false },
  { permission: 'frontdesk.view', resource: 'frontdesk_registration', scoped: true },
  { permission: 'frontdesk.grant', resource: 'frontdesk_registration', scoped: true },
  // Settle an ownership conflict (归属冲突) of a registration routed within scope: keep or reassign.
  { permission: 'frontdesk.resolve', resource: 'frontdesk_registration', scoped: true },
  // Duty groups and the daily duty roster (轮值) of departments in scope.
  { permission: 'duty.manage', resource: 'duty_group', scoped: true },
  // Opportunities and pipeline (商机 / 销售漏斗, SPEC 2.6); scoped by owner / owner department like customers.
  { permission: 'opportunity.view', resource: 'opportunity', scoped: true },
  { permission: 'opportunity.create', resource: 'opportunity', scoped: false },
  { permission: 'opportunity.edit', resource: 'opportunity', scoped: true },
  { permission: 'opportunity.delete', resource: 'opportunity', scoped: true },
  { permission: 'opportunity.export', resource: 'opportunity', scoped: true },
  // Configure pipelines, their stages and checklists.
  { permission: 'pipeline.manage', resource: 'pipeline', scoped: false },
  // Products and price policy (SPEC 2.8). product.cost: the restricted cost field (seed 001 保密范围).
  { permission: 'product.view', resource: 'product', scoped: false },
  { permission: 'product.manage', resource: 'product', scoped: false },
  { permission: 'product.cost', resource: 'product', scoped: false },
  { permission: 'price.manage', resource: 'price_list', scoped: false },
  // Request a standard/floor price change (a cut takes effect only after approval).
  { permission: 'price.adjust', resource: 'price_adjustment', scoped: false },
  // Quotes (SPEC 3.2), scoped by owner / owner department.
  { permission: 'quote.view', resource: 'quote', scoped: true },
  { permission: 'quote.create', resource: 'quote', scoped: false },
  { permission: 'quote.edit', resource: 'quote', scoped: true },
  { permission: 'quote.export', resource: 'quote', scoped: true },
  // Contracts (SPEC 3.3): draft/edit, sign and archive; templates are company-wide.
  { permission: 'contract.view', resource: 'contract', scoped: true },
  { permission: 'contract.create', resource: 'contract', scoped: false },
  { permission: 'contract.edit', resource: 'contract', scoped: true },
  { permission: 'contract.sign', resource: 'contract', scoped: true },
  { permission: 'contract.export', resource: 'contract', scoped: true },
  // SPEC 1.2: contract price terms are confidential — without this right every amount of a contract
  // in view (lines, plan, ledger, body, history, review facts, exports, print) is masked.
  { permission: 'contract.prices', resource: 'contract', scoped: false },
  { permission: 'contract_template.manage', resource: 'contract_template', scoped: false },
  // Orders (SPEC 3.4): entry, order review (订单评审), planner tasks (销售任务单).
  { permission: 'order.view', resource: 'order', scoped: true },
  { permission: 'order.create', resource: 'order', scoped: false },
  { permission: 'order.edit', resource: 'order', scoped: true },
  { permission: 'order.review', resource: 'order', scoped: true },
  { permission: 'order.cancel', resource: 'order', scoped: true },
  { permission: 'order.export', resource: 'order', scoped: true },
  { permission: 'order.plan', resource: 'production_task', scoped: false },
  // Stock: warehouses, inbound, adjustments; availability is read with stock.view.
  { permission: 'stock.view', resource: 'stock', scoped: false },
  { permission: 'stock.manage', resource: 'stock', scoped: false },
  // Deliveries (SPEC 3.5): scoped like their order; inspect = QA, ship = warehouse.
  { permission: 'delivery.view', resource: 'delivery', scoped: true },
  { permission: 'delivery.create', resource: 'delivery', scoped: true },
  { permission: 'delivery.inspect', resource: 'delivery', scoped: true },
  { permission: 'delivery.ship', resource: 'delivery', scoped: true },
  { permission: 'delivery.sign', resource: 'delivery', scoped: true },
  // Trace a batch to every customer and delivery that got it (traceability, company-wide).
  { permission: 'trace.view', resource: 'stock', scoped: false },
  // Payments, invoices, receivables (SPEC 3.6). Only finance confirms payments and issues invoices.
  { permission: 'payment.view', resource: 'payment', scoped: true },
  { permission: 'payment.report', resource: 'payment', scoped: true },
  { permission: 'payment.confirm', resource: 'payment', scoped: true },
  { permission: 'invoice.view', resource: 'invoice', scoped: true },
  { permission: 'invoice.issue', resource: 'invoice', scoped: true },
  { permission: 'receivable.view', resource: 'receivable', scoped: true },
  { permission: 'receivable.export', resource: 'receivable', scoped: true },
  { permission: 'receivable.writeoff', resource: 'receivable', scoped: true },
  // Service tickets (售后工单, SPEC 4.1): scoped by owner (the assigned engineer, else the creator)
  // and the creator's department; handle = assign, reply, visit, wait, resolve, reopen.
  { permission: 'ticket.view', resource: 'service_ticket', scoped: true },
  { permission: 'ticket.create', resource: 'service_ticket', scoped: false },
  { permission: 'ticket.handle', resource: 'service_ticket', scoped: true },
  // Objections and complaints (顾客异议, SPEC 4.2): scoped by the customer's owner when filed; handle =
  // 商务部 organises the investigation, decides, verifies. Investigators also see what they investigate.
  { permission: 'complaint.view', resource: 'complaint', scoped: true },
  { permission: 'complaint.create', resource: 'complaint', scoped: false },
  { permission: 'complaint.handle', resource: 'complaint', scoped: true },
  // Return visits (回访, SPEC 4.4): scoped by who makes the call; surveys and results company-wide.
  { permission: 'visit.view', resource: 'return_visit', scoped: true },
  { permission: 'visit.record', resource: 'return_visit', scoped: true },
  { permission: 'survey.manage', resource: 'satisfaction_survey', scoped: false },
  // SLA targets per ticket type × priority (× customer class).
  { permission: 'sla.manage', resource: 'sla_policy', scoped: false },
  // Sales returns (销后退回, SPEC 4.3): scoped like their order; receive = record the goods reaching
  // the warehouse (库房 / 验收员). The chain's steps decide through the approval engine.
  { permission: 'return.view', resource: 'sales_return', scoped: true },
  { permission: 'return.create', resource: 'sales_return', scoped: false },
  { permission: 'return.receive', resource: 'sales_return', scoped: false },
  // Post-sale milestone processes (交付后流程, SPEC 4.5): templates company-wide; instances scoped
  // like their order or contract; handle = complete steps with their documents.
  { permission: 'milestone.view', resource: 'milestone_process', scoped: true },
  { permission: 'milestone.handle', resource: 'milestone_process', scoped: true },
  { permission: 'milestone.manage', resource: 'milestone_template', scoped: false },
  // Work logs and monthly reports (SPEC 5.1): write one's own; view and comment those of the users
  // in scope (the writer and the writer's department then); the process-health board (流程监控),
  // whose rows each follow the data scope of their own document type.
  { permission: 'worklog.write', resource: 'work_log', scoped: false },
  { permission: 'worklog.view', resource: 'work_log', scoped: true },
  { permission: 'worklog.comment', resource: 'work_log', scoped: true },
  { permission: 'monitor.view', resource: 'process_health', scoped: false },
  // Sales plans and targets (SPEC 2.1): rows scoped by rep / department (a rep sees their own target);
  // create = the company's plan, its task, submission and new versions; edit = write the rows of a
  // draft within scope (managers split their department). Monthly work plans (个人月度工作计划).
  { permission: 'plan.view', resource: 'sales_plan', scoped: true },
  { permission: 'plan.create', resource: 'sales_plan', scoped: false },
  { permission: 'plan.edit', resource: 'sales_plan', scoped: true },
  { permission: 'workplan.view', resource: 'work_plan', scoped: true },
  { permission: 'workplan.write', resource: 'work_plan', scoped: false },
  // Conference marketing (会销, SPEC 2.7): view events (the planner's and department's, and those a rep
  // invites to); plan = create, edit, submit events and attribute deals; invite = invite the customers
  // in scope and record results; checkin = the front desk signs guests in (any event it staffs).
  { permission: 'event.view', resource: 'event', scoped: true },
  { permission: 'event.plan', resource: 'event', scoped: false },
  { permission: 'event.invite', resource: 'event_invitation', scoped: true },
  { permission: 'event.checkin', resource: 'event_invitation', scoped: false },
  // Expenses and budgets (费用管理, SPEC 5.3): view claims (the applicant's and department's, and those
  // one approves); claim = file and submit one's own; pay = finance books the reimbursement (予以报销);
  // analyze = cost analysis of the scope; budgets viewed by department and set by finance / leadership.
  { permission: 'expense.view', resource: 'expense_claim', scoped: true },
  { permission: 'expense.claim', resource: 'expense_claim', scoped: false },
  { permission: 'expense.pay', resource: 'expense_claim', scoped: false },
  { permission: 'expense.analyze', resource: 'expense_analysis', scoped: true },
  { permission: 'budget.view', resource: 'expense_budget', scoped: true },
  { permission: 'budget.manage', resource: 'expense_budget', scoped: false },
  // Integrations (SPEC 1.11): one's own API tokens; every user's tokens; webhook endpoints.
  { permission: 'apitoken.manage', resource: 'api_token', scoped: false },
  { permission: 'apitoken.admin', resource: 'api_token', scoped: false },
  { permission: 'webhook.manage', resource: 'webhook', scoped: false },
  // Indicators and dashboards (SPEC 5.1): figures credited to reps/departments within scope.
  { permission: 'analytics.view', resource: 'analytics', scoped: true },
  // Generated reports (日报 / 周报 / 半年分析 / 成交客户登记表, SPEC 5.1): a rep sees own, a manager the tree.
  { permission: 'report.view', resource: 'report', scoped: true },
  // Market research (SPEC 2.2): reports and forecasts scoped by their owner; write = author one's
  // own reports (the half-yearly reminder goes to these holders) and forecasts. Competitors are
  // company-wide intelligence. Promotions (staged plans) scoped by owner; manage = create, stages,
  // submit, evaluate. Demand for products the company does not make (SPEC 2.8): reps register;
  // manage = report to the trading company and record the outcome, within scope.
  { permission: 'research.view', resource: 'research_report', scoped: true },
  { permission: 'research.write', resource: 'research_report', scoped: false },
  { permission: 'competitor.view', resource: 'competitor', scoped: false },
  { permission: 'competitor.manage', resource: 'competitor', scoped: false },
  { permission: 'promotion.view', resource: 'promotion', scoped: true },
  { permission: 'promotion.manage', resource: 'promotion', scoped: false },
  { permission: 'demand.view', resource: 'product_demand', scoped: true },
  { permission: 'demand.register', resource: 'product_demand', scoped: false },
  { permission: 'demand.manage', resource: 'product_demand', scoped: true },
  // Pre-sale inquiries (售前咨询, SPEC 2.9): record one; view / answer, convert and handle pre-sale
  // requests of the inquiries in scope (the handler, the handler's department, the recorder).
  { permission: 'inquiry.create', resource: 'inquiry', scoped: false },
  { permission: 'inquiry.view', resource: 'inquiry', scoped: true },
  { permission: 'inquiry.handle', resource: 'inquiry', scoped: true },
  // Training (培训, SPEC 5.4): view the plans, sessions, results and staff records (certificates, the
  // confidentiality agreement, onboarding) of the people in scope; manage = organise plans and sessions,
  // record attendance and scores, keep those staff records; attend = the role takes part in training
  // (seed 003: 在职销售服务人员每季度至少一次; a new user holding it starts in onboarding).
  { permission: 'training.view', resource: 'training', scoped: true },
  { permission: 'training.manage', resource: 'training', scoped: true },
  { permission: 'training.attend', resource: 'training', scoped: false },
  // Distributors (经销商, SPEC 5.5): view the dealers of the reps in scope; manage = record and edit
  // dealers, their territories and contacts, and the visits to the outlets; review = the monthly
  // performance review of the dealers in scope, with the proposed reward.
  { permission: 'dealer.view', resource: 'dealer', scoped: true },
  { permission: 'dealer.manage', resource: 'dealer', scoped: true },
  { permission: 'dealer.review', resource: 'dealer', scoped: true },
  // Discipline (奖惩, SPEC 5.6): view the records of the people in scope (everyone sees their own and
  // acknowledges it); record = record incidents and rewards of the people in scope, decide, void.
  { permission: 'discipline.view', resource: 'discipline_record', scoped: true },
  { permission: 'discipline.record', resource: 'discipline_record', scoped: true },
  // Appraisal (绩效考核, SPEC 5.2): view the runs and results of the people in scope (everyone sees
  // their own, acknowledges or objects); manage = run a month over the people in scope, add manual
  // scores, decide objections, close the run and correct a closed result.
  { permission: 'appraisal.view', resource: 'appraisal_result', scoped: true },
  { permission: 'appraisal.manage', resource: 'appraisal_result', scoped: true },
  // The company's appraisal schemes (考核方案: periods, indicators, weights, rules) — company-wide
  // configuration like the SLA policies, not one department's people, so not scoped.
  { permission: 'appraisal.scheme', resource: 'appraisal_scheme', scoped: false },
  // Quality records (SPEC 5.7): internal audits scoped by lead auditor / audited department; CAPA by
  // owner / owner department (an owner records the implementation); manage = plan audits, record
  // findings, raise, verify and close CAPA. Controlled documents are company-wide: view the list,
  // versions and holders; manage = register documents, issue versions, distribute and withdraw copies.
  { permission: 'quality.view', resource: 'internal_audit', scoped: true },
  { permission: 'quality.manage', resource: 'internal_audit', scoped: false },
  { permission: 'capa.view', resource: 'capa', scoped: true },
  { permission: 'document.view', resource: 'controlled_document', scoped: false },
  { permission: 'document.manage', resource: 'controlled_document', scoped: false },
] as const;

export type Permission = (typeof PERMISSIONS)[number]['permission'];
export const SCOPES = ['SELF', 'DEPT', 'DEPT_TREE', 'ALL', 'CUSTOM'] as const;
export type Scope = (typeof SCOPES)[number];

const known = new Set<string>(PERMISSIONS.map((p) => p.permission));
export function isPermission(p: string): p is Permission {
  return known.has(p);
}
