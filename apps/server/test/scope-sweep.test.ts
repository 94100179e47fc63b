import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.ts';
import { PERMISSIONS } from '../src/platform/permissions/registry.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';
import { SCOPE_FIXTURE_FILES } from './scope-fixtures/index.ts';
import { fixtureRecord, type Insider, mergeScopeFixtures, NAME, PHONE } from './scope-fixtures/types.ts';

/**
 * Data-scope sweep (SPEC 1.2, ARCHITECTURE 5): generated from the live route table, so every new
 * route is covered automatically. A record outside the user's scope must answer exactly like an
 * unknown id, and must never appear in lists, counts, searches or exports. The fixtures, bodies,
 * insiders and markers live in scope-fixtures/, one file per area, merged in the order of its index.ts.
 */
let env: TestEnv;
let org: Org;
let owner: Client;
let outsider: Client;
let otherManager: Client;
let approver: Client;
let frontDesk: Client;
const fixture = fixtureRecord();
const UNKNOWN_ID = 987654321;

// Throws on a body, insider or marker given by two files.
const registry = mergeScopeFixtures(SCOPE_FIXTURE_FILES);
// A valid body per mutating :id route, so validation passes and only scope can refuse.
const BODIES = registry.bodies;

// Who legitimately sees each resource: the owner, unless a fixture file names another insider.
const insider = (resource: string) => {
  const who: Record<Insider, Client> = { owner, approver, frontDesk };
  return who[registry.insiders[resource] ?? 'owner'];
};
// The text a list of the resource shows its insider: the fixture name, unless a file says otherwise.
const marker = (resource: string) => registry.markers[resource] ?? NAME;

// Permissions that carry a data scope: a route gated by one must be swept with a fixture.
const SCOPED = new Set<string>(PERMISSIONS.filter((p) => p.scoped).map((p) => p.permission));

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  owner = await Client.login(env.app, 'rep1');
  outsider = await Client.login(env.app, 'rep2');
  // Holds every customer permission, scoped to 销售二部: only the data scope can refuse.
  otherManager = await Client.login(env.app, 'manager2');
  approver = await Client.login(env.app, 'manager1');
  frontDesk = await Client.login(env.app, 'front');
  await registry.setup({ env, org, owner, outsider, otherManager, approver, frontDesk, fixture, today });
});
afterAll(() => env.close());

const api = (): RouteInfo[] =>
  env.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
const withId = () => api().filter((r) => r.url.includes(':id'));
const strip = (body: string) => {
  const { requestId: _r, ...rest } = JSON.parse(body);
  return rest;
};

describe('every :id route', () => {
  it('has scope metadata: a scoped resource with a fixture, or a permission gate', () => {
    for (const r of withId()) {
      const res = r.config.resource as string | undefined;
      expect(res ?? r.config.permission, `${r.method} ${r.url} declares no resource or permission`).toBeTruthy();
      // A resource behind a scoped permission is only safe if the sweep below tries it out of scope.
      if (res !== undefined && SCOPED.has(String(r.config.permission))) {
        expect(fixture[res], `no out-of-scope fixture for resource ${res} (${r.method} ${r.url})`).toBeDefined();
      }
    }
  });

  it('answers an out-of-scope id exactly like an unknown id (404, same body)', async () => {
    const scoped = withId().filter((r) => fixture[r.config.resource as string] !== undefined);
    expect(scoped.length).toBeGreaterThanOrEqual(10);
    for (const r of scoped) {
      const key = `${r.method} ${r.url}`;
      const id = fixture[r.config.resource as string];
      const body = r.method === 'GET' ? undefined : BODIES[key];
      expect(r.method === 'GET' || body, `no sample body for ${key}`).toBeTruthy();
      const call = (who: Client, target: number) => {
        const url = r.url.replace(':id', String(target)) + (r.method === 'DELETE' ? '?version=1' : '');
        return who.request(r.method, url, body?.(1));
      };
      const hidden = await call(otherManager, id);
      const unknown = await call(otherManager, UNKNOWN_ID);
      expect(hidden.statusCode, key).toBe(404);
      expect(unknown.statusCode, key).toBe(404);
      expect(strip(hidden.body), key).toEqual(strip(unknown.body));
      expect(hidden.body, key).not.toContain(NAME);
      // A user lacking the permission gets the same answer for both ids too (404 or 403).
      const a = await call(outsider, id);
      const b = await call(outsider, UNKNOWN_ID);
      expect([a.statusCode, strip(a.body)], key).toEqual([b.statusCode, strip(b.body)]);
      if (r.method === 'GET') {
        const mine = await insider(r.config.resource as string).get(r.url.replace(':id', String(id)));
        expect(mine.statusCode, `${key} as owner`).toBe(200);
      }
    }
    // Nothing was changed by the refused writes.
    const c = (await owner.get(`/api/customers/${fixture.customer}`)).json();
    expect(c).toMatchObject({ name: NAME, version: 1, ownerId: org.user.rep1 });
    const inst = (await approver.get(`/api/approvals/${fixture.approval_instance}`)).json();
    expect(inst).toMatchObject({ status: 'pending', currentStep: 0 });
  });

  it('refuses unscoped admin :id routes to users without the permission (403)', async () => {
    // Unscoped resources (products, warehouses…) are company-wide for whoever holds the permission:
    // only the routes whose permission rep2 lacks can be checked for the 403.
    const held = new Set<string>((await outsider.get('/api/auth/me')).json().permissions);
    const gated = withId().filter((r) => fixture[r.config.resource as string] === undefined);
    for (const r of gated) expect(r.config.permission, `${r.method} ${r.url}`).toBeTruthy();
    const refused = gated.filter((r) => !held.has(r.config.permission as string));
    expect(refused.length).toBeGreaterThanOrEqual(7);
    for (const r of refused) {
      const res = await outsider.request(r.method, r.url.replace(':id', '1'), r.method === 'GET' ? undefined : {});
      expect([403], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });
});

describe('every bulk route', () => {
  it('fails a batch holding an out-of-scope row exactly like one holding an unknown id (404), changing nothing', async () => {
    const bulk = api().filter((r) => r.config.surface === 'bulk');
    expect(bulk.length).toBeGreaterThanOrEqual(2);
    for (const r of bulk) {
      const key = `${r.method} ${r.url}`;
      const body = registry.bulkBodies[key];
      expect(body, `no bulk body for ${key}`).toBeDefined();
      const id = fixture[r.config.resource as string];
      expect(id, `no fixture for ${key}`).toBeDefined();
      const call = (who: Client, target: number) => who.request(r.method, r.url, body([{ id: target, version: 1 }]));
      const hidden = await call(otherManager, id);
      const unknown = await call(otherManager, UNKNOWN_ID);
      expect(hidden.statusCode, key).toBe(404);
      expect(unknown.statusCode, key).toBe(404);
      expect(strip(hidden.body), key).toEqual(strip(unknown.body));
      const a = await call(outsider, id);
      const b = await call(outsider, UNKNOWN_ID);
      expect([a.statusCode, strip(a.body)], key).toEqual([b.statusCode, strip(b.body)]);
    }
    const c = (await owner.get(`/api/customers/${fixture.customer}`)).json();
    expect(c).toMatchObject({ name: NAME, version: 1, ownerId: org.user.rep1 });
  });
});

async function payloadText(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0].eachRow((row) => out.push(JSON.stringify(row.values)));
  return out.join('\n');
}

describe('every list, count, search, export and report route', () => {
  it('never shows an out-of-scope record, while its owner sees it', async () => {
    const surfaces = api().filter((r) =>
      ['list', 'count', 'search', 'export', 'report'].includes(r.config.surface as string),
    );
    expect(surfaces.map((r) => r.config.surface).sort()).toEqual(
      expect.arrayContaining(['count', 'export', 'list', 'search']),
    );
    for (const r of surfaces) {
      const q = `?keyword=${encodeURIComponent(NAME)}&q=${encodeURIComponent(NAME)}`;
      const mine = await insider(r.config.resource as string).get(r.url + q);
      const theirs = await otherManager.get(r.url + q);
      expect(mine.statusCode, r.url).toBe(200);
      expect(theirs.statusCode, r.url).toBe(200);
      const mineText = await payloadText(mine);
      const theirText = await payloadText(theirs);
      if (r.config.surface === 'count') {
        expect(JSON.parse(mineText).total, r.url).toBe(1);
        expect(JSON.parse(theirText).total, r.url).toBe(0);
      } else {
        const text = marker(r.config.resource as string);
        expect(mineText, `${r.url} as owner`).toContain(text);
        expect(theirText, `${r.url} as outsider`).not.toContain(text);
        expect(theirText, r.url).not.toContain(PHONE);
      }
    }
  });
});
