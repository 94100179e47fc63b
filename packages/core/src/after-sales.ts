import { z } from 'zod';
import { isIsoDate, isMoneyString, MoneyString } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, QueryBigId, VersionNo } from './ids.ts';
import { QtyString } from './lines.ts';
import { money } from './money.ts';

/**
 * Objections and complaints (顾客异议处理单, SPEC 4.2 / seed 000 4.2) and return visits (回访,
 * SPEC 4.4): dictionaries, the complaint state table and request schemas shared by server and web.
 */
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'service', 'price', 'documents', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_SEVERITIES = ['general', 'serious'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export const COMPLAINT_DECISIONS = ['repair', 'replacement', 'compensation', 'explanation'] as const;
export type ComplaintDecision = (typeof COMPLAINT_DECISIONS)[number];
export const COMPLAINT_STATUSES = ['open', 'investigating', 'decided', 'closed', 'cancelled'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const INVESTIGATOR_ROLES = ['technical', 'production', 'qa'] as const;
export type InvestigatorRole = (typeof INVESTIGATOR_ROLES)[number];
export const VERIFICATION_RESULTS = ['verified', 'unverified'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const COMPENSATION_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type CompensationState = (typeof COMPENSATION_STATES)[number];

/**
 * The complaint's transitions (data, ARCHITECTURE 2). Seed 000 4.2: a rep fills the form (open);
 * 商务部 organises technical / production / QA people (investigate, findings); the cause and the
 * handling decision are recorded (decide); the effect is verified with the customer (verify →
 * closed, verified or not). A complaint may be withdrawn before a decision (cancel).
 */
export const COMPLAINT_TRANSITIONS = {
  open: { investigate: 'investigating', cancel: 'cancelled', mark_incident: 'open' },
  investigating: {
    investigate: 'investigating',
    finding: 'investigating',
    decide: 'decided',
    cancel: 'cancelled',
    mark_incident: 'investigating',
  },
  // decide again only after a rejected compensation (enforced by the server).
  decided: { verify: 'closed', decide: 'decided', mark_incident: 'decided' },
  closed: {},
  cancelled: {},
} as const satisfies Record<ComplaintStatus, Record<string, ComplaintStatus>>;
export type ComplaintAction = 'investigate' | 'finding' | 'decide' | 'verify' | 'cancel' | 'mark_incident';
export const COMPLAINT_ACTIONS = ['investigate', 'finding', 'decide', 'verify', 'cancel', 'mark_incident'] as const;

export function nextComplaintStatus(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const row = COMPLAINT_TRANSITIONS[status] as Partial<Record<ComplaintAction, ComplaintStatus>>;
  return row[action] ?? null;
}
export function complaintActions(status: ComplaintStatus): ComplaintAction[] {
  return Object.keys(COMPLAINT_TRANSITIONS[status]) as ComplaintAction[];
}
/**
 * Verification needs the decision carried out: a compensation only once approved (a pending or
 * rejected credit is not a remedy the customer can confirm).
 */
export function canVerify(c: {
  status: ComplaintStatus;
  decision: ComplaintDecision | null;
  compensationState: CompensationState;
}) {
  if (c.status !== 'decided') return false;
  return c.decision !== 'compensation' || c.compensationState === 'approved';
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optId = BigId.nullish().transform((v) => v ?? null);
const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const positive = { message: 'validation.positive_amount', params: { key: 'validation.positive_amount' } };

export const ComplaintInput = z.object({
  customerId: BigId,
  orderId: optId,
  deliveryId: optId,
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  subject: text(200),
  description: text(4000),
  qualityIncident: z.boolean().default(false),
  files: z.array(AttachmentInput).max(10).default([]),
});
export type ComplaintInput = z.output<typeof ComplaintInput>;

export const ComplaintFilter = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  severity: z.enum(COMPLAINT_SEVERITIES).optional(),
  customerId: QueryBigId.optional(),
  qualityIncident: z.enum(['true', 'false']).optional(),
});
export type ComplaintFilter = z.output<typeof ComplaintFilter>;
export const ComplaintListQuery = ComplaintFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ComplaintListQuery = z.output<typeof ComplaintListQuery>;

export const ComplaintInvestigateInput = z.object({
  version: VersionNo,
  investigators: z
    .array(z.object({ userId: IntId, role: z.enum(INVESTIGATOR_ROLES) }))
    .min(1)
    .max(10),
  dueDate: IsoDate.nullish().transform((v) => v ?? null),
});
export type ComplaintInvestigateInput = z.output<typeof ComplaintInvestigateInput>;
export const ComplaintFindingInput = z.object({ version: VersionNo, finding: text(4000) });
export type ComplaintFindingInput = z.output<typeof ComplaintFindingInput>;
export const ComplaintDecideInput = z.object({
  version: VersionNo,
  cause: text(4000),
  decision: z.enum(COMPLAINT_DECISIONS),
  note: optText(2000),
  // compensation: the credit asked for; replacement: the delivered lines to re-ship.
  compensationAmount: MoneyString.refine((v) => !isMoneyString(v) || money(v).gt(0), positive)
    .nullish()
    .transform((v) => v ?? null),
  replacementLines: z
    .array(z.object({ deliveryLineId: BigId, qty: QtyString }))
    .max(50)
    .default([]),
});
export type ComplaintDecideInput = z.output<typeof ComplaintDecideInput>;
export const ComplaintVerifyInput = z.object({
  version: VersionNo,
  result: z.enum(VERIFICATION_RESULTS),
  note: text(2000),
});
export type ComplaintVerifyInput = z.output<typeof ComplaintVerifyInput>;
export const ComplaintReasonInput = z.object({ version: VersionNo, reason: text(500) });
export type ComplaintReasonInput = z.output<typeof ComplaintReasonInput>;
export const ComplaintStatsQuery = z.object({ from: IsoDate, to: IsoDate });
export type ComplaintStatsQuery = z.output<typeof ComplaintStatsQuery>;

// Return visits (回访, SPEC 4.4)
export const VISIT_SOURCES = ['delivery', 'ticket', 'survey', 'manual'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];
export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_OUTCOMES = ['reached', 'unreachable', 'refused'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VisitFilter = z.object({
  status: z.enum(VISIT_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  customerId: QueryBigId.optional(),
  surveyId: QueryBigId.optional(),
});
export type VisitFilter = z.output<typeof VisitFilter>;
export const VisitListQuery = VisitFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type VisitListQuery = z.output<typeof VisitListQuery>;

/** The visit's record: a reached customer gives a 1–5 score; an unreachable one none. */
export const VisitRecordInput = z
  .object({
    version: VersionNo,
    outcome: z.enum(VISIT_OUTCOMES),
    satisfaction: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullish()
      .transform((v) => v ?? null),
    comments: optText(4000),
  })
  .superRefine((v, c) => {
    if (v.outcome === 'reached' && v.satisfaction === null)
      c.addIssue({
        code: 'custom',
        path: ['satisfaction'],
        message: 'visit.satisfaction_required',
        params: { key: 'visit.satisfaction_required' },
      });
  });
export type VisitRecordInput = z.output<typeof VisitRecordInput>;
export const VisitRescheduleInput = z.object({ version: VersionNo, dueDate: IsoDate });
export type VisitRescheduleInput = z.output<typeof VisitRescheduleInput>;

export const SurveyInput = z.object({
  title: text(200),
  script: text(4000),
  dueDate: IsoDate,
  customerIds: z.array(BigId).min(1).max(500),
});
export type SurveyInput = z.output<typeof SurveyInput>;
export const SURVEY_GROUPS = ['product', 'rep', 'engineer', 'month'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];
export const SatisfactionQuery = z.object({
  groupBy: z.enum(SURVEY_GROUPS).default('month'),
  from: IsoDate,
  to: IsoDate,
});
export type SatisfactionQuery = z.output<typeof SatisfactionQuery>;
