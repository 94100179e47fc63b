export const COMPLAINT_VIEW = 'complaint.view';
export const COMPLAINT_CREATE = 'complaint.create';
export const COMPLAINT_STATUSES = ['open', 'investigating', 'decided', 'closed', 'cancelled'] as const;
export const COMPLAINT_SEVERITIES = ['general', 'serious'] as const;
export const COMPLAINT_CATEGORIES = ['quality', 'delivery', 'service', 'price', 'documents', 'other'] as const;
export const COMPLAINT_DECISIONS = ['repair', 'replacement', 'compensation', 'explanation'] as const;
export const INVESTIGATOR_ROLES = ['technical', 'production', 'qa'] as const;
export const COMPLAINT_STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  investigating: 'blue',
  decided: 'purple',
  closed: 'green',
  cancelled: 'default',
};
export const SEVERITY_COLORS: Record<string, string> = { general: 'gold', serious: 'red' };
