export const CONTRACT_VIEW = 'contract.view';
export const CONTRACT_CREATE = 'contract.create';
export const CONTRACT_EDIT = 'contract.edit';
export const CONTRACT_SIGN = 'contract.sign';
export const CONTRACT_EXPORT = 'contract.export';
/** Sees contract price terms (SPEC 1.2); without it they are masked and cannot be set. */
export const CONTRACT_PRICES = 'contract.prices';
export const CONTRACT_TEMPLATE_MANAGE = 'contract_template.manage';

export const CONTRACT_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'cyan',
  signed: 'success',
  completed: 'blue',
  terminated: 'error',
};

export const AMENDMENT_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};
