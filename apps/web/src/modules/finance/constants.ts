export const PAYMENT_VIEW = 'payment.view';
export const PAYMENT_REPORT = 'payment.report';
export const PAYMENT_CONFIRM = 'payment.confirm';
export const INVOICE_VIEW = 'invoice.view';
export const INVOICE_ISSUE = 'invoice.issue';
export const RECEIVABLE_VIEW = 'receivable.view';
export const RECEIVABLE_EXPORT = 'receivable.export';
export const RECEIVABLE_WRITEOFF = 'receivable.writeoff';

export const PAYMENT_STATUS_COLORS: Record<string, string> = {
  reported: 'processing',
  confirmed: 'success',
  pending_clearance: 'warning',
  cleared: 'success',
  bounced: 'error',
  rejected: 'default',
};
export const INVOICE_STATUS_COLORS: Record<string, string> = { issued: 'success', void: 'default' };
export const WRITE_OFF_STATUS_COLORS: Record<string, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
