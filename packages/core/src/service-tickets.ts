import { z } from 'zod';
import { isMoneyString, MoneyString } from './customers.ts';
import { AttachmentInput } from './files.ts';
import { BigId, IntId, QueryBigId, QueryIntId, VersionNo } from './ids.ts';
import { QtyString } from './lines.ts';
import { money } from './money.ts';

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
  // Installation tickets are due within the set time (seed 003); default: the resolution target.
  dueAt: z
    .string()
    .nullish()
    .transform((v) => v ?? null)
    .refine((v) => v === null || isInstant(v), {
      message: 'ticket.time_invalid',
      params: { key: 'ticket.time_invalid' },
    }),
});
export type TicketInput = z.output<typeof TicketInput>;

export const TicketFilter = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  engineerId: QueryIntId.optional(),
  customerId: QueryBigId.optional(),
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

/** An ISO instant with its offset, e.g. 2027-01-06T10:00:00+08:00 or …Z. */
export const isInstant = (v: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
const Instant = z
  .string()
  .trim()
  .refine(isInstant, { message: 'ticket.time_invalid', params: { key: 'ticket.time_invalid' } });

/** A visit on site: arrival, departure (left out while still there), the work done and photos. */
export const TicketVisitInput = z
  .object({
    arrivedAt: Instant,
    leftAt: Instant.nullish().transform((v) => v ?? null),
    workDone: text(4000),
    photos: z.array(AttachmentInput).max(6).default([]),
    version: VersionNo,
  })
  .refine((v) => !v.leftAt || !isInstant(v.arrivedAt) || Date.parse(v.leftAt) >= Date.parse(v.arrivedAt), {
    path: ['leftAt'],
    message: 'ticket.visit_left_before_arrival',
    params: { key: 'ticket.visit_left_before_arrival' },
  });
export type TicketVisitInput = z.output<typeof TicketVisitInput>;

/** A part used on the ticket, issued from a warehouse's stock (batch/serial for tracked products). */
export const TicketPartInput = z.object({
  warehouseId: IntId,
  productId: BigId,
  batchId: BigId.nullish().transform((v) => v ?? null),
  qty: QtyString,
  visitId: BigId.nullish().transform((v) => v ?? null),
  version: VersionNo,
});
export type TicketPartInput = z.output<typeof TicketPartInput>;

/** A charge line of paid service (out of warranty): description and a positive amount. */
export const TicketChargeInput = z.object({
  description: text(200),
  amount: MoneyString.refine((v) => !isMoneyString(v) || money(v).gt(0), {
    message: 'ticket.charge_positive',
    params: { key: 'ticket.charge_positive' },
  }),
  version: VersionNo,
});
export type TicketChargeInput = z.output<typeof TicketChargeInput>;

/** The customer's confirmation: the signed service report (signature image or scanned copy). */
export const TicketSignInput = z.object({
  signerName: text(100),
  file: AttachmentInput,
  version: VersionNo,
});
export type TicketSignInput = z.output<typeof TicketSignInput>;

/** Installation facts recorded before closure (seed 003): user training given, operation manual handed over. */
export const INSTALL_CHECKS = ['training', 'manual'] as const;
export type InstallCheck = (typeof INSTALL_CHECKS)[number];
export const TicketCheckInput = z.object({ item: z.enum(INSTALL_CHECKS), version: VersionNo });
export type TicketCheckInput = z.output<typeof TicketCheckInput>;
