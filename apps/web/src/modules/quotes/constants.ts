import dayjs from 'dayjs';
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

/** An accepted quote past its validity date: it can no longer be converted, only revised (SPEC 3.2 有效期). */
export function isExpired(q: { status: string; validUntil: string }): boolean {
  return q.status === 'accepted' && q.validUntil < dayjs().format('YYYY-MM-DD');
}
