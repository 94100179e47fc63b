/**
 * The crawl's budget (≤ 8 min for every role at two sizes) comes from not visiting a page state
 * twice for roles that would see it the same way. Two roles see a page the same way when they
 * hold the same permissions of the page's modules (the data scope changes which records, not
 * how a page shows them) — the modules named by its path segments (`/finance/invoices/7` →
 * invoice.*; `/contract-templates` → contract.*, contract_template.*) — and, on a record page
 * (whose tabs and buttons depend on other modules' permissions too), see the same record with the
 * same tabs and buttons. A page no grant governs (my tasks, my approvals) belongs to its user and
 * is always visited.
 */
export class Visited {
  private seen = new Map<string, string>();

  /** True when this role is the first to reach the page state (with `look`: its tabs and buttons) with these grants. */
  claim(viewport: string, path: string, role: string, grants: string[], look = ''): boolean {
    const sig = signature(path, grants);
    const key = `${viewport}|${path}|${look}|${sig ?? role}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, role);
    return true;
  }
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** `opportunities` ~ `opportunity`, `policies` ~ `policy`, `price-lists` ~ `price`. */
function sameModule(segment: string, resource: string) {
  const a = norm(segment);
  const b = norm(resource);
  if (a.length < 4 || b.length < 4) return a === b;
  if (a.startsWith(b)) return true;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i >= Math.min(a.length, b.length) - 1;
}

export function signature(path: string, grants: string[]): string | undefined {
  const segments = path
    .split('?')[0]
    .split('/')
    .filter((x) => x && !/^\d+$/.test(x));
  const perms = grants.map((g) => g.split(':')[0]);
  const own = perms.filter((p) => segments.some((seg) => sameModule(seg, p.split('.')[0])));
  if (own.length === 0) return undefined;
  return [...new Set(own)].sort().join(',');
}
