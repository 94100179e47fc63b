/** Permissions and colours of training (server: permissions/registry.ts, SPEC 5.4). */
export const TRAINING_VIEW = 'training.view';
export const TRAINING_MANAGE = 'training.manage';

export const SESSION_STATUS_COLORS: Record<string, string> = { scheduled: 'processing', completed: 'success' };
export const ATTENDANCE_COLORS: Record<string, string> = { enrolled: 'default', present: 'success', absent: 'error' };
export const ONBOARDING_COLORS: Record<string, string> = { in_training: 'warning', passed: 'success' };
export const ISSUE_COLORS: Record<string, string> = {
  agreement_missing: 'error',
  certificate_missing: 'error',
  certificate_expired: 'error',
  certificate_expiring: 'warning',
  onboarding: 'processing',
  onboarding_overdue: 'error',
};
