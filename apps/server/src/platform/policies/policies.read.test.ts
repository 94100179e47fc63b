import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from './registry.ts';

// A setting that no code reads must not be offered on the settings page (issue 9): every
// registered key must appear as a literal 'key', outside comments, in a product source file that
// reads policies (calls getPolicy) — not only in the registry, tests, web labels or demo data.
const repo = join(import.meta.dirname, '../../../../..');
const ROOTS = ['apps/server/src', 'packages/core/src'];
const REGISTRY = 'apps/server/src/platform/policies/registry.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('policies registry', () => {
  const files = ROOTS.flatMap((r) => sources(join(repo, r))).filter((f) => relative(repo, f) !== REGISTRY);
  const withoutComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const text = files
    .map((f) => withoutComments(readFileSync(f, 'utf8')))
    .filter((s) => s.includes('getPolicy('))
    .join('\n');

  it('scans the product source', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(text).toContain("getPolicy(db, 'auth.maxFailedLogins')");
  });

  it.each(POLICIES.map((p) => p.key))('%s is read by product code', (key) => {
    expect(text.includes(`'${key}'`), `policy ${key} is registered but no code reads it`).toBe(true);
  });
});
