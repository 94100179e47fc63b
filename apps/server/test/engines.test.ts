import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
}

const readManifest = (file: string): Manifest => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Every package.json under a node_modules folder, nested ones and @scoped ones included. */
function* installedManifests(nodeModules: string): Generator<{ file: string; manifest: Manifest }> {
  if (!fs.existsSync(nodeModules)) return;
  for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(nodeModules, entry.name);
    // Workspace links point back into the repo: their own folders are walked from the root.
    if (entry.isSymbolicLink()) continue;
    if (!entry.isDirectory()) continue;
    if (entry.name.startsWith('@')) {
      yield* installedManifests(dir);
      continue;
    }
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) yield { file, manifest: readManifest(file) };
    yield* installedManifests(path.join(dir, 'node_modules'));
  }
}

describe('Node engines', () => {
  // Issue 9: npm on the README's machine (Node 20) warned EBADENGINE for content-disposition@3
  // and cookie@2 (Node >= 22). The floor we promise must satisfy every installed package.
  it('every installed package accepts the lowest Node version of the root engines field', () => {
    const range = readManifest(path.join(repoRoot, 'package.json')).engines?.node;
    expect(range).toBeTruthy();
    const floor = semver.minVersion(range as string)?.version;
    expect(floor).toBeTruthy();

    const roots = [
      path.join(repoRoot, 'node_modules'),
      ...['packages/core', 'apps/server', 'apps/web', 'e2e', 'bench', 'scripts'].map((w) =>
        path.join(repoRoot, w, 'node_modules'),
      ),
    ];
    const refused: string[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const { file, manifest } of installedManifests(root)) {
        const wanted = manifest.engines?.node;
        checked++;
        if (!wanted || !manifest.name) continue;
        // An unparsable range is npm's problem to report, not a refusal of our floor.
        if (semver.validRange(wanted) === null) continue;
        if (!semver.satisfies(floor as string, wanted)) {
          refused.push(`${manifest.name}@${manifest.version} wants node ${wanted} (${path.relative(repoRoot, file)})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(refused, `packages that refuse Node ${floor}`).toEqual([]);
  });
});
