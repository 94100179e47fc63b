import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, QueryBigId, VersionNo } from './ids.ts';

/**
 * Post-sale milestone processes (交付后流程, SPEC 4.5): a company's templates (steps, responsible
 * department, due offsets in working days, required documents) and the instance each deal runs.
 */
export const MILESTONE_PROCESS_STATUSES = ['active', 'completed'] as const;
export type MilestoneProcessStatus = (typeof MILESTONE_PROCESS_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.string().refine(isIsoDate, { message: 'validation.date', params: { key: 'validation.date' } });

export const MilestoneStepInput = z.object({
  name: text(100),
  departmentId: IntId.nullish().transform((v) => v ?? null),
  // Working days after the process starts (company calendar).
  offsetDays: z.number().int().min(0).max(2000),
  requiredDocuments: z.array(text(100)).max(20).default([]),
  note: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type MilestoneStepInput = z.output<typeof MilestoneStepInput>;

export const MilestoneTemplateInput = z.object({
  name: text(100),
  description: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => (v ? v : null)),
  active: z.boolean().default(true),
  steps: z.array(MilestoneStepInput).min(1).max(50),
});
export type MilestoneTemplateInput = z.output<typeof MilestoneTemplateInput>;
export const MilestoneTemplateUpdate = MilestoneTemplateInput.extend({ version: VersionNo });
export type MilestoneTemplateUpdate = z.output<typeof MilestoneTemplateUpdate>;

export const MilestoneStartInput = z
  .object({
    templateId: IntId,
    orderId: BigId.optional(),
    contractId: BigId.optional(),
    startDate: IsoDate,
  })
  .superRefine((v, ctx) => {
    if ((v.orderId === undefined) === (v.contractId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['orderId'],
        message: 'milestone.target_required',
        params: { key: 'milestone.target_required' },
      });
  });
export type MilestoneStartInput = z.output<typeof MilestoneStartInput>;

export const MilestoneStepCompleteInput = z.object({
  stepId: BigId,
  note: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => (v ? v : null)),
  documents: z
    .array(z.object({ name: text(100), file: AttachmentInput }))
    .max(20)
    .default([]),
  version: VersionNo,
});
export type MilestoneStepCompleteInput = z.output<typeof MilestoneStepCompleteInput>;

export const MilestoneListQuery = z.object({
  orderId: QueryBigId.optional(),
  contractId: QueryBigId.optional(),
  status: z.enum(MILESTONE_PROCESS_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MilestoneListQuery = z.output<typeof MilestoneListQuery>;

export const LateStepQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type LateStepQuery = z.output<typeof LateStepQuery>;
