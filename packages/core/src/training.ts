import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { IntId, QueryIntId, VersionNo } from './ids.ts';

/**
 * Training (培训, SPEC 5.4; seed 001 团队培训与发展, seed 003 人员培训与考核): plans with goals,
 * content, method, schedule and trainer; sessions with attendance, assessment scores and the
 * trainees' feedback; staff records with qualification certificates and the confidentiality
 * agreement (seed 001 保密措施 1); the onboarding training a new rep passes before going on sales.
 */

// Seed 003 1: 新员工入职后的系统培训 (岗前) and 在职销售服务人员 每季度至少一次的业务提升培训.
export const TRAINING_KINDS = ['onboarding', 'in_service'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

// Seed 001 培训实施 2: 内部培训、外部培训、在线学习、案例分析、模拟演练.
export const TRAINING_METHODS = ['internal', 'external', 'online', 'case_study', 'simulation'] as const;
export type TrainingMethod = (typeof TRAINING_METHODS)[number];

// Seed 001 培训评估 1: 考试、实际操作、问卷调查、学员反馈.
export const ASSESSMENT_METHODS = ['exam', 'practical', 'survey', 'feedback'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export const SESSION_STATUSES = ['scheduled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['enrolled', 'present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ONBOARDING_STATUSES = ['in_training', 'passed'] as const;
export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

/** What the compliance list flags for a person (SPEC 5.4: missing or expired ones are listed). */
export const COMPLIANCE_ISSUES = [
  'agreement_missing',
  'certificate_missing',
  'certificate_expired',
  'certificate_expiring',
  'onboarding',
  'onboarding_overdue',
] as const;
export type ComplianceIssue = (typeof COMPLIANCE_ISSUES)[number];

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const DateTime = z.iso.datetime({ offset: true });
const optText = (max: number) => z.string().trim().max(max).nullish();
// Scores are out of 100 with up to one decimal, as strings (never floats on the wire).
export const ScoreString = z
  .string()
  .trim()
  .regex(/^(100(\.0)?|\d{1,2}(\.\d)?)$/, 'training.score_format');

export const TrainingPlanInput = z.object({
  title: z.string().trim().min(1).max(200),
  kind: z.enum(TRAINING_KINDS),
  goals: z.string().trim().min(1).max(2000),
  content: z.string().trim().min(1).max(4000),
  method: z.enum(TRAINING_METHODS),
  trainer: z.string().trim().min(1).max(200),
  startsOn: IsoDate,
  endsOn: IsoDate,
});
export type TrainingPlanInput = z.output<typeof TrainingPlanInput>;
export const TrainingPlanUpdateInput = TrainingPlanInput.extend({ version: VersionNo });
export type TrainingPlanUpdateInput = z.output<typeof TrainingPlanUpdateInput>;

export const TrainingPlanListQuery = z.object({
  kind: z.enum(TRAINING_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TrainingPlanListQuery = z.output<typeof TrainingPlanListQuery>;

export const TrainingSessionInput = z.object({
  topic: z.string().trim().min(1).max(200),
  startsAt: DateTime,
  endsAt: DateTime,
  location: optText(200),
  trainer: optText(200),
  assessmentMethod: z.enum(ASSESSMENT_METHODS).default('exam'),
  passScore: ScoreString.default('60'),
  participantIds: z.array(IntId).max(500).default([]),
});
export type TrainingSessionInput = z.output<typeof TrainingSessionInput>;
export const TrainingSessionUpdateInput = TrainingSessionInput.extend({ version: VersionNo });
export type TrainingSessionUpdateInput = z.output<typeof TrainingSessionUpdateInput>;

/** Attendance and assessment of a held session: one row per enrolled participant. */
export const TrainingResultsInput = z.object({
  version: VersionNo,
  rows: z
    .array(
      z.object({
        userId: IntId,
        status: z.enum(['present', 'absent']),
        score: ScoreString.nullish(),
      }),
    )
    .min(1)
    .max(500),
});
export type TrainingResultsInput = z.output<typeof TrainingResultsInput>;

// Seed 001 培训评估 1: 学员反馈 — a rating (1–5) and a comment from the trainee.
export const TrainingFeedbackInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: optText(1000),
  version: VersionNo,
});
export type TrainingFeedbackInput = z.output<typeof TrainingFeedbackInput>;

export const CertificateInput = z.object({
  name: z.string().trim().min(1).max(200),
  number: z.string().trim().min(1).max(100),
  issuedOn: IsoDate,
  // Absent: the certificate does not expire.
  expiresOn: IsoDate.nullish(),
});
export type CertificateInput = z.output<typeof CertificateInput>;
export const CertificateUpdateInput = CertificateInput.extend({ version: VersionNo });
export type CertificateUpdateInput = z.output<typeof CertificateUpdateInput>;

/** The signed confidentiality agreement (seed 001 保密措施 1: 与销售人员签订保密协议): date and scan. */
export const AgreementInput = z.object({
  signedOn: IsoDate,
  file: AttachmentInput.nullish(),
  version: VersionNo,
});
export type AgreementInput = z.output<typeof AgreementInput>;

export const StartOnboardingInput = z.object({ version: VersionNo.nullish() });
export type StartOnboardingInput = z.output<typeof StartOnboardingInput>;

export const StaffListQuery = z.object({
  userId: QueryIntId.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type StaffListQuery = z.output<typeof StaffListQuery>;

/** A calendar quarter, '2026Q3'. */
export const QuarterString = z.string().regex(/^\d{4}Q[1-4]$/, 'training.quarter_format');

export const QuarterQuery = z.object({ quarter: QuarterString.optional() });
export type QuarterQuery = z.output<typeof QuarterQuery>;

/** Results per person and period; without dates, the last twelve months. */
export const TrainingResultsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  userId: QueryIntId.optional(),
});
export type TrainingResultsQuery = z.output<typeof TrainingResultsQuery>;

/** First and last day of a quarter ('2026Q3' → 2026-07-01 … 2026-09-30). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const m = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, m + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(m)}-01`, to: `${year}-${pad(m + 2)}-${pad(last)}` };
}

/** The quarter of a date ('2026-08-15' → '2026Q3'). */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before ('2026Q1' → '2025Q4'). */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}
