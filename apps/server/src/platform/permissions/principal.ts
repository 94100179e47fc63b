import type { Locale } from '../i18n/locale.ts';
import type { Permission, Scope } from './registry.ts';

export interface Grant {
  scope: Scope;
  customDeptIds: number[];
}

/** The signed-in user as every service sees them: identity, department, and grants per permission. */
export interface Principal {
  userId: number;
  username: string;
  name: string;
  deptId: number;
  deptName: string;
  deptPath: string;
  locale: Locale;
  roles: string[];
  /** All grants per permission, one per role that grants it (unioned when resolving scope). */
  grants: Map<string, Grant[]>;
  sessionId: string;
  csrfToken: string;
}

export function can(p: Principal, permission: Permission): boolean {
  return p.grants.has(permission);
}
