import type { TicketStatus } from '@sales/core';
import { ConflictError } from '../../platform/errors/errors.ts';

/** The ticket actions and the statuses each may start from (transitions are data, ARCHITECTURE 2). */
export const TICKET_ACTIONS = {
  assign: ['new', 'assigned', 'in_progress', 'waiting'],
  reply: ['new', 'assigned', 'in_progress', 'waiting', 'resolved'],
  wait: ['new', 'assigned', 'in_progress'],
  resume: ['waiting'],
  priority: ['new', 'assigned', 'in_progress', 'waiting', 'resolved'],
  resolve: ['assigned', 'in_progress', 'waiting'],
  // Work recorded on site: visits, parts used, charge lines, installation facts.
  visit: ['assigned', 'in_progress', 'waiting', 'resolved'],
  part: ['assigned', 'in_progress', 'waiting', 'resolved'],
  charge: ['assigned', 'in_progress', 'waiting', 'resolved'],
  check: ['assigned', 'in_progress', 'waiting', 'resolved'],
  // The customer signs the service report once the work is resolved.
  sign: ['resolved'],
  // Closure only after the customer confirms the resolution (SPEC 4.1).
  confirm: ['resolved'],
  reopen: ['resolved', 'closed'],
} as const satisfies Record<string, readonly TicketStatus[]>;

export type TicketAction = keyof typeof TICKET_ACTIONS;

/** Throws a 409 naming the status when `action` is not allowed from it. */
export function assertAction(action: TicketAction, status: string) {
  if (!(TICKET_ACTIONS[action] as readonly string[]).includes(status))
    throw new ConflictError('ticket.action_not_allowed', { action, status });
}

/** Where a ticket goes when work restarts (resume, reopen): back with its engineer, answered or not. */
export function workingStatus(t: { engineerId: number | null; firstResponseAt: Date | null }): TicketStatus {
  if (t.engineerId === null) return 'new';
  return t.firstResponseAt ? 'in_progress' : 'assigned';
}

/**
 * What a resolved ticket still lacks before it may close (SPEC 4.1, seed 003): the customer's signed
 * service report; for an installation also user training given and the operation manual handed over.
 */
export function closeBlockers(t: {
  type: string;
  reportSignedAt: Date | string | null;
  trainingDoneAt: Date | string | null;
  manualHandedAt: Date | string | null;
}): ('report' | 'training' | 'manual')[] {
  const out: ('report' | 'training' | 'manual')[] = [];
  if (!t.reportSignedAt) out.push('report');
  if (t.type === 'installation' && !t.trainingDoneAt) out.push('training');
  if (t.type === 'installation' && !t.manualHandedAt) out.push('manual');
  return out;
}
