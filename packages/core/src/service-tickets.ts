import { z } from 'zod';
import { BigId, IntId, QueryIntId, VersionNo } from './ids.ts';

/** Service tickets (售后工单, SPEC 4.1): the dictionaries the server enforces and the web shows. */
export const TICKET_TYPES = [
  'installation',
  'training',
  'repair',
  'maintenance',
  'consultation',
  'onsite',
  'parts',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_SOURCES = ['hotline', 'online', 'visit', 'return_visit', 'complaint'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const SLA_METRICS = ['response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_STATES = ['running', 'paused', 'met', 'breached'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];
export const WAIT_REASONS = ['customer', 'parts'] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];
/** Who wrote a reply on a ticket: only a staff reply or visit is a first response. */
export const REPLY_KINDS = ['staff_reply', 'visit', 'customer_message'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const TicketInput = z.object({
  type: z.enum(TICKET_TYPES),
  source: z.enum(TICKET_SOURCES),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  customerId: BigId,
  contactName: optText(100),
  contactPhone: optText(40),
  // The delivered line the ticket is about: product, batch/serial and warranty come from it.
  deliveryLineId: BigId.nullish().transform((v) => v ?? null),
  subject: text(200),
  description: optText(4000),
});
export type TicketInput = z.output<typeof TicketInput>;

export const TicketFilter = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  engineerId: QueryIntId.optional(),
  slaState: z.enum(SLA_STATES).optional(),
});
export type TicketFilter = z.output<typeof TicketFilter>;

export const TicketListQuery = TicketFilter.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TicketListQuery = z.output<typeof TicketListQuery>;

export const TicketVersionInput = z.object({ version: VersionNo });
export const TicketAssignInput = z.object({ engineerId: IntId, version: VersionNo });
export type TicketAssignInput = z.output<typeof TicketAssignInput>;
export const TicketReplyInput = z.object({ kind: z.enum(REPLY_KINDS), body: text(4000), version: VersionNo });
export type TicketReplyInput = z.output<typeof TicketReplyInput>;
export const TicketWaitInput = z.object({ reason: z.enum(WAIT_REASONS), version: VersionNo });
export type TicketWaitInput = z.output<typeof TicketWaitInput>;
export const TicketPriorityInput = z.object({ priority: z.enum(TICKET_PRIORITIES), version: VersionNo });
export type TicketPriorityInput = z.output<typeof TicketPriorityInput>;
export const TicketResolveInput = z.object({ resolution: text(4000), version: VersionNo });
export type TicketResolveInput = z.output<typeof TicketResolveInput>;
export const TicketReopenInput = z.object({ reason: text(1000), version: VersionNo });
export type TicketReopenInput = z.output<typeof TicketReopenInput>;

/** Targets of one SLA policy in working minutes of the company calendar; warning at warnPercent. */
export const SlaPolicyInput = z
  .object({
    responseMinutes: z.number().int().min(1).max(100_000),
    resolutionMinutes: z.number().int().min(1).max(1_000_000),
    warnPercent: z.number().int().min(1).max(99),
    version: VersionNo,
  })
  .refine((p) => p.resolutionMinutes >= p.responseMinutes, {
    path: ['resolutionMinutes'],
    message: 'sla.resolution_before_response',
    params: { key: 'sla.resolution_before_response' },
  });
export type SlaPolicyInput = z.output<typeof SlaPolicyInput>;
