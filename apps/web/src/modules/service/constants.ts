import type { TicketStatus } from '@sales/core';
import type { SlaBrief } from './types';

export {
  SLA_STATES,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
  TICKET_TYPES,
  WAIT_REASONS,
} from '@sales/core';

export const TICKET_VIEW = 'ticket.view';
export const TICKET_CREATE = 'ticket.create';
export const TICKET_HANDLE = 'ticket.handle';
export const SLA_MANAGE = 'sla.manage';

export const TICKET_STATUS_COLORS: Record<string, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'processing',
  waiting: 'default',
  resolved: 'success',
  closed: 'default',
};

export const PRIORITY_COLORS: Record<string, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** The board's columns: the open statuses, then resolved and closed. */
export const BOARD_COLUMNS: TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'];

/** How a ticket's SLA reads on the board: green running, orange warning, red breached, grey paused. */
export type SlaTone = 'running' | 'warning' | 'breached' | 'paused' | 'met';

export const SLA_TONE_COLORS: Record<SlaTone, string> = {
  running: '#52c41a',
  warning: '#fa8c16',
  breached: '#f5222d',
  paused: '#bfbfbf',
  met: '#1677ff',
};

export const SLA_STATE_TAG: Record<string, string> = {
  running: 'green',
  paused: 'default',
  met: 'blue',
  breached: 'red',
  warning: 'orange',
};

/**
 * The tone of a ticket: breached if either metric is; else the clock that still counts (response
 * until met, then resolution) — paused, past its warning time, or running; met when both are.
 */
export function slaTone(sla: { response: SlaBrief | null; resolution: SlaBrief | null }, now = Date.now()): SlaTone {
  const { response, resolution } = sla;
  if (response?.state === 'breached' || resolution?.state === 'breached') return 'breached';
  const active = response && response.state !== 'met' ? response : resolution;
  if (!active || active.state === 'met') return 'met';
  if (active.state === 'paused') return 'paused';
  if (active.dueAt && Date.parse(active.dueAt) <= now) return 'breached';
  if (active.warnAt && Date.parse(active.warnAt) <= now) return 'warning';
  return 'running';
}

/** Working minutes as hours and minutes ("2 h 30 min" / "2小时30分"), through the locale. */
export function minutesText(t: (k: string, o?: Record<string, unknown>) => string, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return t('service.duration.hm', { h, m });
  if (h) return t('service.duration.h', { h });
  return t('service.duration.m', { m });
}
