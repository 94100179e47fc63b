/** Permissions and colours of sales plans and monthly work plans (server: permissions/registry.ts). */
export const PLAN_VIEW = 'plan.view';
export const PLAN_CREATE = 'plan.create';
export const WORKPLAN_VIEW = 'workplan.view';
export const WORKPLAN_WRITE = 'workplan.write';

export const PLAN_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  superseded: 'default',
};

export const WORKPLAN_STATUS_COLORS: Record<string, string> = {
  none: 'error',
  draft: 'warning',
  submitted: 'success',
};
