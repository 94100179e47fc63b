export const QUOTE_VIEW = 'quote.view';
export const QUOTE_CREATE = 'quote.create';
export const QUOTE_EDIT = 'quote.edit';
export const QUOTE_EXPORT = 'quote.export';
export const ORDER_CREATE = 'order.create';
export const CONTRACT_CREATE = 'contract.create';

export const QUOTE_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pending_approval: 'processing',
  approved: 'cyan',
  sent: 'blue',
  accepted: 'success',
  rejected: 'error',
  expired: 'warning',
  superseded: 'default',
  converted: 'purple',
};
