/** Permissions and colours of distributors (server: permissions/registry.ts, SPEC 5.5). */
export const DEALER_VIEW = 'dealer.view';
export const DEALER_MANAGE = 'dealer.manage';
export const DEALER_REVIEW = 'dealer.review';

export const STATUS_COLORS: Record<string, string> = { active: 'green', suspended: 'default' };
export const RATING_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
