/** Permissions and colours of sales returns and post-sale processes (server: permissions/registry.ts). */
export const RETURN_VIEW = 'return.view';
export const RETURN_CREATE = 'return.create';
export const RETURN_RECEIVE = 'return.receive';
export const INVOICE_ISSUE = 'invoice.issue';

export const RETURN_STATUS_COLORS: Record<string, string> = {
  submitted: 'processing',
  returned: 'warning',
  completed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
