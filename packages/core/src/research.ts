import { z } from 'zod';
import { isIsoDate, MoneyString } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, QueryIntId } from './ids.ts';

/**
 * Market research (SPEC 2.2; seed 003 市场调研: 每半年撰写一份市场调研报告; seed 000 4.1.2 市场预测),
 * promotions as staged plans (seed 000 5.2.1 阶段性营销推广方案 + 效果评估) and the register of demand
 * for products the company does not make (SPEC 2.8, seed 002).
 */
const IsoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });
const PERIOD = /^\d{4}-H[12]$/;
/** A half-year: 'YYYY-H1' (Jan–Jun) or 'YYYY-H2' (Jul–Dec). */
export const HalfYear = z
  .string()
  .refine((v) => PERIOD.test(v), { message: 'research.period', params: { key: 'research.period' } });
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const Version = z.number().int().min(0).max(2_147_483_647);
const page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/** A non-negative quantity with up to 4 places (forecast quantities may be 0). */
export const ForecastQty = z
  .string()
  .trim()
  .refine((v) => /^\d{1,14}(\.\d{1,4})?$/.test(v), { message: 'validation.qty', params: { key: 'validation.qty' } });

export const RESEARCH_STATUSES = ['draft', 'submitted'] as const;
export const ResearchReportInput = z.object({
  period: HalfYear,
  title: z.string().trim().min(1).max(200),
  findings: z.string().trim().max(20000).default(''),
});
export type ResearchReportInput = z.output<typeof ResearchReportInput>;
export const ResearchReportUpdate = ResearchReportInput.omit({ period: true }).extend({ version: Version });
export type ResearchReportUpdate = z.output<typeof ResearchReportUpdate>;
export const VersionInput = z.object({ version: Version });
export const ResearchAttachmentInput = z.object({ file: AttachmentInput });
export const ResearchReportListQuery = z.object({ period: HalfYear.optional(), ...page });
export type ResearchReportListQuery = z.output<typeof ResearchReportListQuery>;
export const PeriodQuery = z.object({ period: HalfYear.optional() });

export const SERVICE_LEVELS = ['excellent', 'good', 'average', 'poor'] as const;
export const CompetitorOffer = z.object({
  product: z.string().trim().min(1).max(200),
  price: MoneyString,
});
export const CompetitorInput = z.object({
  name: z.string().trim().min(1).max(200),
  products: z.string().trim().max(4000).default(''),
  serviceLevel: z.enum(SERVICE_LEVELS),
  offers: z.array(CompetitorOffer).max(50).default([]),
  note: optText(4000),
});
export type CompetitorInput = z.output<typeof CompetitorInput>;
export const CompetitorUpdate = CompetitorInput.extend({ version: Version });
export type CompetitorUpdate = z.output<typeof CompetitorUpdate>;
export const CompetitorMoveInput = z.object({ movedOn: IsoDate, description: z.string().trim().min(1).max(2000) });
export const CompetitorLinkInput = z.object({ opportunityId: BigId });
export const CompetitorListQuery = z.object({ keyword: z.string().trim().max(100).optional(), ...page });
export type CompetitorListQuery = z.output<typeof CompetitorListQuery>;

/**
 * A market forecast (seed 000 4.1.2 b: 销售公司主要负责预测三个数量). The three quantities are
 * optional in the schema so that the service can answer each missing one with its own field error.
 */
export const ForecastInput = z.object({
  period: HalfYear,
  categoryId: IntId,
  region: z.string().trim().min(1).max(100),
  marketDemand: ForecastQty.nullish(),
  demandPotential: ForecastQty.nullish(),
  salesPotential: ForecastQty.nullish(),
  note: optText(2000),
});
export type ForecastInput = z.output<typeof ForecastInput>;
export const ForecastUpdate = ForecastInput.extend({ version: Version });
export type ForecastUpdate = z.output<typeof ForecastUpdate>;
export const ForecastListQuery = z.object({ period: HalfYear.optional(), categoryId: QueryIntId.optional(), ...page });
export type ForecastListQuery = z.output<typeof ForecastListQuery>;

export const STAGE_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];
export const PromotionInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: optText(4000),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type PromotionInput = z.output<typeof PromotionInput>;
export const PromotionStageInput = z.object({
  name: z.string().trim().min(1).max(200),
  startDate: IsoDate,
  endDate: IsoDate,
  budget: MoneyString,
  plan: optText(4000),
});
export type PromotionStageInput = z.output<typeof PromotionStageInput>;
export const StageEvaluationInput = z.object({
  cost: MoneyString,
  leads: z.number().int().min(0).max(10_000_000),
  deals: z.number().int().min(0).max(10_000_000),
  revenue: MoneyString,
  version: Version,
});
export type StageEvaluationInput = z.output<typeof StageEvaluationInput>;
export const PromotionListQuery = z.object({ ...page });
export type PromotionListQuery = z.output<typeof PromotionListQuery>;

export const DEMAND_STATUSES = ['registered', 'reported', 'closed'] as const;
export const DEMAND_OUTCOMES = ['sourced', 'unavailable', 'declined'] as const;
export const DemandInput = z.object({
  requester: z.string().trim().min(1).max(200),
  customerId: BigId.nullish(),
  productDescription: z.string().trim().min(1).max(2000),
  quantity: ForecastQty,
  unit: z.string().trim().min(1).max(20),
  note: optText(2000),
});
export type DemandInput = z.output<typeof DemandInput>;
export const DemandReportInput = z.object({
  tradingCompany: z.string().trim().min(1).max(200),
  reportedOn: IsoDate,
  version: Version,
});
export const DemandOutcomeInput = z.object({
  outcome: z.enum(DEMAND_OUTCOMES),
  outcomeNote: optText(2000),
  version: Version,
});
export const DemandListQuery = z.object({ status: z.enum(DEMAND_STATUSES).optional(), ...page });
export type DemandListQuery = z.output<typeof DemandListQuery>;
