import { DEFAULT_ROLES } from '../../apps/server/src/platform/org/default-roles.ts';
import { DEMO_USERS } from '../../scripts/src/demo/org.ts';

export interface CrawlUser {
  role: string;
  username: string;
  /** The role's default grants as `permission:scope` (what the demo company gives it). */
  grants: string[];
}

/** One demo user per distinct role (the first one listed), plus the bootstrap administrator. */
export function crawlUsers(): CrawlUser[] {
  const byRole = new Map<string, string>([['admin', 'admin']]);
  for (const u of DEMO_USERS) if (!byRole.has(u.role)) byRole.set(u.role, u.username);
  return [...byRole].map(([role, username]) => {
    const def = DEFAULT_ROLES.find((r) => r.code === role);
    if (!def) throw new Error(`demo role ${role} has no default grants`);
    return { role, username, grants: def.grants.map(([p, s]) => `${p}:${s}`) };
  });
}
