/** Approval instance states and the actions allowed in each (transitions are data). */
export const INSTANCE_STATES = ['pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const APPROVAL_ACTIONS = ['approve', 'reject', 'return', 'withdraw', 'delegate'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** Only a pending instance can be acted on; every other state is final. */
export const TRANSITIONS: Record<InstanceState, readonly ApprovalAction[]> = {
  pending: APPROVAL_ACTIONS,
  approved: [],
  rejected: [],
  returned: [],
  withdrawn: [],
};

/** Who may take an action: the approver holding a pending task, or the applicant. */
export const ACTOR: Record<ApprovalAction, 'approver' | 'applicant'> = {
  approve: 'approver',
  reject: 'approver',
  return: 'approver',
  delegate: 'approver',
  withdraw: 'applicant',
};

export function canAct(state: InstanceState, action: ApprovalAction): boolean {
  return TRANSITIONS[state].includes(action);
}
