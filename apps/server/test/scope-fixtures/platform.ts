import type { ScopeFixtureFile } from './types.ts';

/**
 * Approvals and tasks. Their fixtures come from the customers file (the credit request's approval
 * instance, the follow-up's task), so this file only brings bodies and the approver as insider.
 */
export const platformFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {
    'POST /api/approvals/:id/approve': () => ({}),
    'POST /api/approvals/:id/reject': () => ({ comment: '越权' }),
    'POST /api/approvals/:id/return': () => ({ comment: '越权' }),
    'POST /api/approvals/:id/withdraw': () => ({}),
    'POST /api/approvals/:id/delegate': () => ({ toUserId: 1 }),
    'POST /api/tasks/:id/complete': () => ({}),
  },
  // Approvals are seen by their approver.
  insiders: { approval_instance: 'approver' },
};
