/** Permissions and colours of quality records (server: permissions/registry.ts, SPEC 5.7). */
export const QUALITY_VIEW = 'quality.view';
export const QUALITY_MANAGE = 'quality.manage';
export const CAPA_VIEW = 'capa.view';
export const DOCUMENT_VIEW = 'document.view';
export const DOCUMENT_MANAGE = 'document.manage';

export const AUDIT_STATUS_COLORS: Record<string, string> = { planned: 'default', reported: 'gold', closed: 'green' };
export const CAPA_STATUS_COLORS: Record<string, string> = { open: 'processing', implemented: 'gold', closed: 'green' };
export const SEVERITY_COLORS: Record<string, string> = { major: 'red', minor: 'orange', observation: 'blue' };
export const DOCUMENT_KINDS = ['procedure', 'work_instruction', 'form', 'regulation'] as const;
