/** Permissions and colours of conference marketing (server: permissions/registry.ts, SPEC 2.7). */
export const EVENT_VIEW = 'event.view';
export const EVENT_PLAN = 'event.plan';
export const EVENT_INVITE = 'event.invite';
export const EVENT_CHECKIN = 'event.checkin';

export const EVENT_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  cancelled: 'default',
};

export const RESULT_COLORS: Record<string, string> = {
  pending: 'default',
  accepted: 'success',
  declined: 'error',
  undecided: 'warning',
};
