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
  /** The session, when signed in through the web ('' when acting through an API token). */
  sessionId: string;
  csrfToken: string;
  /** The personal API token the request was authenticated with (SPEC 1.11); no CSRF applies then. */
  apiTokenId?: number;
}

export function can(p: Principal, permission: Permission): boolean {
  return p.grants.has(permission);
}
