/**
 * Policies (制度参数, SPEC 1.5): every number the regulations leave as [X], with a sane default.
 * The company overrides them on the settings page; each change is versioned.
 *
 * A policy is registered only once code reads it (a setting nobody reads must not be offered):
 * policies.read.test.ts fails for a key no source file reads. The regulations' other numbers
 * (training days, inquiry reply minutes, return-visit days, return processing days and storage
 * fee, error-level losses, appraisal periods, over-budget spending, in-service training, weekly
 * meeting day, monthly report deadline) are added with the features that read them.
 */
export type PolicyDef =
  | { key: string; type: 'integer'; default: number; min: number; max: number }
  | { key: string; type: 'decimal'; default: string; min: string; max: string }
  | { key: string; type: 'boolean'; default: boolean }
  | { key: string; type: 'enum'; default: string; options: string[] };

export const POLICIES = [
  { key: 'auth.maxFailedLogins', type: 'integer', default: 5, min: 3, max: 20 },
  { key: 'auth.lockMinutes', type: 'integer', default: 15, min: 1, max: 1440 },
  { key: 'auth.sessionHours', type: 'integer', default: 12, min: 1, max: 720 },
  { key: 'pool.noFollowUpReclaimDays', type: 'integer', default: 30, min: 1, max: 365 },
  { key: 'pool.noDealReclaimDays', type: 'integer', default: 90, min: 1, max: 1095 },
  { key: 'pool.reclaimWarningDays', type: 'integer', default: 3, min: 0, max: 30 },
  { key: 'pool.maxOwnedCustomers', type: 'integer', default: 200, min: 1, max: 100000 },
  { key: 'pool.maxLockedCustomers', type: 'integer', default: 20, min: 0, max: 100000 },
  { key: 'pool.reclaimBlockDays', type: 'integer', default: 30, min: 0, max: 365 },
  // Per customer class (A/B/C/重点客户 KEY) reclaim days; 0 = the general value above applies.
  { key: 'pool.noFollowUpReclaimDays.A', type: 'integer', default: 0, min: 0, max: 365 },
  { key: 'pool.noFollowUpReclaimDays.B', type: 'integer', default: 0, min: 0, max: 365 },
  { key: 'pool.noFollowUpReclaimDays.C', type: 'integer', default: 0, min: 0, max: 365 },
  { key: 'pool.noFollowUpReclaimDays.KEY', type: 'integer', default: 0, min: 0, max: 365 },
  { key: 'pool.noDealReclaimDays.A', type: 'integer', default: 0, min: 0, max: 1095 },
  { key: 'pool.noDealReclaimDays.B', type: 'integer', default: 0, min: 0, max: 1095 },
  { key: 'pool.noDealReclaimDays.C', type: 'integer', default: 0, min: 0, max: 1095 },
  { key: 'pool.noDealReclaimDays.KEY', type: 'integer', default: 0, min: 0, max: 1095 },
  { key: 'followup.dueSoonDays', type: 'integer', default: 3, min: 0, max: 30 },
  // Records younger than this cannot be deleted, only archived (records.retention.ts). The seeds
  // leave the period open (会销制度: 保存期限为[具体期限]); 10 years is the longer of the usual
  // business-archive periods (会计档案管理办法 keeps ledgers and reports 10 years).
  { key: 'records.retentionYears', type: 'integer', default: 10, min: 1, max: 50 },
  { key: 'quotes.approvalMode', type: 'enum', default: 'all', options: ['all', 'exceptions'] },
  // Quotes: a rep's largest discount without approval (percent); price cut beyond which the board
  // must also approve (implementation rules: 重大价格调整).
  { key: 'quotes.repDiscountLimitPercent', type: 'decimal', default: '5.00', min: '0.00', max: '100.00' },
  { key: 'quotes.defaultValidityDays', type: 'integer', default: 30, min: 1, max: 365 },
  { key: 'prices.majorCutPercent', type: 'decimal', default: '10.00', min: '0.00', max: '100.00' },
  { key: 'contracts.expiryWarningDays', type: 'integer', default: 30, min: 1, max: 365 },
  { key: 'contracts.instalmentReminderDays', type: 'integer', default: 3, min: 0, max: 60 },
  { key: 'receivables.overdueReminderDays', type: 'integer', default: 0, min: 0, max: 365 },
  // Real-estate template: sign a contract only after the down-payment / full-payment receipt exists.
  { key: 'contracts.signAfterDownPayment', type: 'boolean', default: false },
  // Duplicate check names the existing customer's owner even to users who cannot see the customer
  // (front-desk rules: route the visitor to that rep, avoid 撞单 disputes); off withholds the name.
  { key: 'customers.duplicateRevealsOwner', type: 'boolean', default: true },
  // Seed 000 3.1.3: a contract is signed after the customer approved the proposal (or quote); a
  // company that also signs contracts without one turns this on.
  { key: 'contracts.allowDirect', type: 'boolean', default: false },
  // Service tickets: a resolved or closed ticket may be reopened within this many working days of
  // its resolution (issue 12 item 3: reopening is a documented rule); later, a new ticket is opened.
  { key: 'service.reopenWorkingDays', type: 'integer', default: 10, min: 0, max: 250 },
  // Personal monthly work plan (个人月度工作计划, 4S manual 1.1): due by this day of the month before,
  // with a reminder this many days ahead (the seeds leave both open; 25 is the monthly-report day of
  // seed 000 5.3.3, 每月25日前 … 次月营销工作计划).
  { key: 'plans.monthlyPlanDueDay', type: 'integer', default: 25, min: 1, max: 31 },
  { key: 'plans.monthlyPlanReminderDays', type: 'integer', default: 3, min: 0, max: 27 },
  // 4S manual 1.1: the lead-to-deal conversion (集客成交率) is taken from the last N months' actuals.
  { key: 'plans.leadConversionMonths', type: 'integer', default: 3, min: 1, max: 24 },
  // Return visits (seed 003 售后服务 1: 产品交付后的[X]天内对客户进行回访): calendar days after the
  // delivery sign-off or the ticket's closure, moved to the next working day of the company calendar.
  { key: 'returnVisit.daysAfterDelivery', type: 'integer', default: 7, min: 0, max: 365 },
  // A satisfaction score at or below this (1–5) opens a complaint linked to the visit.
  { key: 'returnVisit.lowScoreThreshold', type: 'integer', default: 2, min: 1, max: 5 },
  // Working days an investigator of a complaint has for their finding (task due date).
  { key: 'complaints.investigationWorkingDays', type: 'integer', default: 3, min: 1, max: 60 },
  // Seed 000 医药公司销后退回管理规定 第三条: a return is finished within 3 working days of the goods
  // reaching the warehouse; after that a storage fee per day, 50 % of it left to the warehouse clerks.
  { key: 'returns.processingDays', type: 'integer', default: 3, min: 1, max: 60 },
  { key: 'returns.storageFeePerDay', type: 'decimal', default: '50.00', min: '0.00', max: '100000.00' },
  { key: 'returns.storageFeeClerksPercent', type: 'decimal', default: '50.00', min: '0.00', max: '100.00' },
  // 第二条: internal-error returns charge the applicant or the responsible person per piece.
  { key: 'returns.internalErrorChargePerPiece', type: 'decimal', default: '10.00', min: '0.00', max: '100000.00' },
  // 第一条: breakage returns beyond 0.2 ‰ of the year's sales are treated as expired-goods loss.
  { key: 'returns.breakageMaxPerMille', type: 'decimal', default: '0.20', min: '0.00', max: '1000.00' },
  // SPEC 1.5 / 5.1: the monthly report is due by this day of the month (25th), with a reminder task
  // this many days before (worklogs.sweep.ts).
  { key: 'reports.monthlyDueDay', type: 'integer', default: 25, min: 1, max: 28 },
  { key: 'reports.monthlyReminderDays', type: 'integer', default: 3, min: 0, max: 20 },
  // Seed 001 邀约流程 3: 会议前一天再次与客户确认 — the confirmation task of each accepted invitation
  // appears this many hours before the event starts (events.sweep.ts).
  { key: 'events.confirmationLeadHours', type: 'integer', default: 24, min: 1, max: 168 },
  // Seed 001 费用预算 3: 不得超预算开支. 'approval': a claim beyond the remaining budget is submitted
  // with a reason and passes the over-budget approval first; 'forbid': it is refused (expenses.submit.ts).
  { key: 'expenses.overBudget', type: 'enum', default: 'approval', options: ['approval', 'forbid'] },
  // A budget this many percent spent (reserved + used) is flagged as near its limit (expenses.budgets.ts).
  { key: 'expenses.budgetWarnPercent', type: 'integer', default: 90, min: 50, max: 100 },
  // Process health (流程监控, SPEC 5.1): days a document may wait in a state before it is listed.
  { key: 'monitor.quoteApprovalDays', type: 'integer', default: 2, min: 0, max: 365 },
  { key: 'monitor.contractReviewDays', type: 'integer', default: 3, min: 0, max: 365 },
  { key: 'monitor.orderReviewDays', type: 'integer', default: 2, min: 0, max: 365 },
  { key: 'monitor.deliveryShipDays', type: 'integer', default: 3, min: 0, max: 365 },
  { key: 'monitor.returnOpenDays', type: 'integer', default: 3, min: 0, max: 365 },
  { key: 'monitor.ticketIdleDays', type: 'integer', default: 3, min: 0, max: 365 },
  // Seed 003 售前服务 3: 在线客服平台应在[X]分钟内回复 — working minutes of the company calendar
  // (inquiries.clock.ts); a breach alerts the handler's department head (inquiries.sweep.ts).
  { key: 'inquiries.onlineReplyMinutes', type: 'integer', default: 30, min: 1, max: 2400 },
  // Seed 003 招聘与培训: 新员工入职后，进行为期[X]天的系统培训…考核合格者方可正式上岗 — the onboarding
  // is due this many calendar days after it starts; an overdue one is flagged to the manager (training.sweep.ts).
  { key: 'training.onboardingDays', type: 'integer', default: 7, min: 1, max: 180 },
  // A qualification certificate's holder and their manager are reminded this many days before it expires.
  { key: 'training.certificateReminderDays', type: 'integer', default: 30, min: 1, max: 365 },
  // Seed 000 员工奖惩处理规定 错误的划分标准 (SPEC 1.5): a loss below level2Loss is 一级, below level3Loss
  // 二级, below majorLoss 三级, from majorLoss on (含3000元) 重大; the Nth violation of the year is at
  // least 二级 / 三级 (本年累计三次 / 五次以上, "以上" read as "or more"). discipline.level.ts.
  { key: 'discipline.level2Loss', type: 'decimal', default: '200.00', min: '0.01', max: '100000000.00' },
  { key: 'discipline.level3Loss', type: 'decimal', default: '1000.00', min: '0.01', max: '100000000.00' },
  { key: 'discipline.majorLoss', type: 'decimal', default: '3000.00', min: '0.01', max: '100000000.00' },
  { key: 'discipline.level2Repeats', type: 'integer', default: 3, min: 2, max: 100 },
  { key: 'discipline.level3Repeats', type: 'integer', default: 5, min: 2, max: 100 },
  // 处理办法 一: 一级错误造成经济损失的，除弥补全部损失外，另上交5—20元到快乐基金 — the fixed amount, within 5–20.
  { key: 'discipline.level1Contribution', type: 'decimal', default: '10.00', min: '5.00', max: '20.00' },
  // Days the person has to acknowledge a decided record (the to-do's due date).
  { key: 'discipline.acknowledgeDays', type: 'integer', default: 3, min: 1, max: 30 },
  // Seed 002 公司营销工作考核细则 (appraisal.compute.ts): from a base score, 完成营业收入指标每降1%扣0.5分,
  // 利润每降1%扣0.5分, 外销收入每降1%扣1分, 一般投诉扣1分/次, 严重投诉扣5分/次. Decided discipline records
  // (SPEC 5.6) deduct per level. Seed 003: 连续[X]个月绩效不达标者 — the pass mark and the N of the flag.
  { key: 'appraisal.baseScore', type: 'decimal', default: '100.00', min: '1.00', max: '1000.00' },
  { key: 'appraisal.revenuePointsPerPercent', type: 'decimal', default: '0.50', min: '0.00', max: '100.00' },
  { key: 'appraisal.profitPointsPerPercent', type: 'decimal', default: '0.50', min: '0.00', max: '100.00' },
  { key: 'appraisal.exportPointsPerPercent', type: 'decimal', default: '1.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.generalComplaintPoints', type: 'decimal', default: '1.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.seriousComplaintPoints', type: 'decimal', default: '5.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.disciplineLevel1Points', type: 'decimal', default: '1.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.disciplineLevel2Points', type: 'decimal', default: '2.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.disciplineLevel3Points', type: 'decimal', default: '3.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.disciplineMajorPoints', type: 'decimal', default: '5.00', min: '0.00', max: '100.00' },
  // Seed 000 销后退回 第二条: internal-error returns (转销售、采购错误、客户报错计划) are charged to the
  // responsible person 10元/件 "并在绩效考核中体现"; neither seed names the points, so one point per
  // such return of the month (as a general complaint), capped by the indicator's weight (appraisal.returns.ts).
  { key: 'appraisal.internalErrorReturnPoints', type: 'decimal', default: '1.00', min: '0.00', max: '100.00' },
  { key: 'appraisal.passMark', type: 'decimal', default: '60.00', min: '0.00', max: '1000.00' },
  { key: 'appraisal.failStreakPeriods', type: 'integer', default: 3, min: 1, max: 24 },
  // Working days a person has to acknowledge (or object to) their result (the to-do's due date).
  { key: 'appraisal.acknowledgeDays', type: 'integer', default: 5, min: 1, max: 30 },
  // Seed 003 绩效考核: 根据评估结果进行奖惩, 对于绩效优秀的员工给予奖金 — the amounts are company policy
  // (bonusOf in @sales/core): the score tier's coefficient × the base bonus, capped. Tier 1 is the top.
  { key: 'appraisal.bonusTier1Score', type: 'decimal', default: '95.00', min: '0.00', max: '1000.00' },
  { key: 'appraisal.bonusTier1Coefficient', type: 'decimal', default: '1.20', min: '0.00', max: '10.00' },
  { key: 'appraisal.bonusTier2Score', type: 'decimal', default: '85.00', min: '0.00', max: '1000.00' },
  { key: 'appraisal.bonusTier2Coefficient', type: 'decimal', default: '1.00', min: '0.00', max: '10.00' },
  { key: 'appraisal.bonusTier3Score', type: 'decimal', default: '75.00', min: '0.00', max: '1000.00' },
  { key: 'appraisal.bonusTier3Coefficient', type: 'decimal', default: '0.80', min: '0.00', max: '10.00' },
  { key: 'appraisal.bonusTier4Score', type: 'decimal', default: '60.00', min: '0.00', max: '1000.00' },
  { key: 'appraisal.bonusTier4Coefficient', type: 'decimal', default: '0.50', min: '0.00', max: '10.00' },
  { key: 'appraisal.bonusBase', type: 'decimal', default: '2000.00', min: '0.00', max: '1000000.00' },
  { key: 'appraisal.bonusCap', type: 'decimal', default: '3000.00', min: '0.00', max: '1000000.00' },
] as const satisfies readonly PolicyDef[];

export type PolicyKey = (typeof POLICIES)[number]['key'];
export type PolicyValue<K extends PolicyKey> = Extract<(typeof POLICIES)[number], { key: K }>['default'] extends number
  ? number
  : Extract<(typeof POLICIES)[number], { key: K }>['default'] extends boolean
    ? boolean
    : string;

const byKey = new Map<string, PolicyDef>(POLICIES.map((p) => [p.key, p as PolicyDef]));
export function policyDef(key: string): PolicyDef | undefined {
  return byKey.get(key);
}
