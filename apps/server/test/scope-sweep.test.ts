import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';

/**
 * Data-scope sweep (SPEC 1.2, ARCHITECTURE 5): generated from the live route table, so every new
 * route is covered automatically. A record outside the user's scope must answer exactly like an
 * unknown id, and must never appear in lists, counts, searches or exports.
 */
let env: TestEnv;
let org: Org;
let owner: Client;
let outsider: Client;
let otherManager: Client;
let approver: Client;
const fixture: Record<string, number> = {};
const NAME = '扫描专用测试客户有限公司';
const UNKNOWN_ID = 987654321;

// A valid body per mutating :id route, so validation passes and only scope can refuse.
const BODIES: Record<string, (version: number) => unknown> = {
  'PUT /api/customers/:id': (version) => ({ kind: 'company', name: '改名公司', version }),
  'POST /api/customers/:id/transfer': (version) => ({ toUserId: 1, reason: '调整', version }),
  'DELETE /api/customers/:id': () => undefined,
  'POST /api/customers/:id/contacts': () => ({ name: '新联系人' }),
  'PUT /api/contacts/:id': (version) => ({ name: '改名', version }),
  'DELETE /api/contacts/:id': () => undefined,
  'POST /api/customers/:id/follow-ups': () => ({ type: 'call', content: '试图越权', outcome: 'neutral' }),
  'POST /api/customers/:id/credit-requests': () => ({ rating: 'A', creditLimit: '100000.00', paymentTermsDays: 30, reason: '越权' }),
  'POST /api/approvals/:id/approve': () => ({}),
  'POST /api/approvals/:id/reject': () => ({ comment: '越权' }),
  'POST /api/approvals/:id/return': () => ({ comment: '越权' }),
  'POST /api/approvals/:id/withdraw': () => ({}),
  'POST /api/approvals/:id/delegate': () => ({ toUserId: 1 }),
};

// Who legitimately sees each resource: the owner, except approvals, seen by their approver.
const insider = (resource: string) => (resource === 'approval_instance' ? approver : owner);

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  owner = await Client.login(env.app, 'rep1');
  outsider = await Client.login(env.app, 'rep2');
  // Holds every customer permission, scoped to 销售二部: only the data scope can refuse.
  otherManager = await Client.login(env.app, 'manager2');
  const c = (await owner.post('/api/customers', { kind: 'company', name: NAME, mobile: '13700001234' })).json();
  fixture.customer = c.id;
  fixture.customer_contact = (await owner.post(`/api/customers/${c.id}/contacts`, { name: '联系人甲', mobile: '13700005678' })).json().id;
  await owner.post(`/api/customers/${c.id}/follow-ups`, { type: 'visit', content: '拜访', outcome: 'positive', nextActionDate: today() });
  fixture.follow_up = c.id;
  const credit = (await owner.post(`/api/customers/${c.id}/credit-requests`, { rating: 'B', creditLimit: '80000.00', paymentTermsDays: 30, reason: '扫描' })).json();
  fixture.credit_request = credit.id;
  fixture.approval_instance = credit.instanceId;
  approver = await Client.login(env.app, 'manager1');
});
afterAll(() => env.close());

const api = (): RouteInfo[] => env.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
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
      const perm = String(r.config.permission ?? '');
      if (perm.startsWith('customer.') || perm.startsWith('followup.')) {
        expect(fixture[res as string], `no out-of-scope fixture for resource ${res}`).toBeDefined();
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
    const gated = withId().filter((r) => fixture[r.config.resource as string] === undefined);
    for (const r of gated) {
      expect(r.config.permission, `${r.method} ${r.url}`).toBeTruthy();
      const res = await outsider.request(r.method, r.url.replace(':id', '1'), r.method === 'GET' ? undefined : {});
      expect([403], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
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

describe('every list, count, search and export route', () => {
  it('never shows an out-of-scope record, while its owner sees it', async () => {
    const surfaces = api().filter((r) => ['list', 'count', 'search', 'export'].includes(r.config.surface as string));
    expect(surfaces.map((r) => r.config.surface).sort()).toEqual(expect.arrayContaining(['count', 'export', 'list', 'search']));
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
        const marker = r.config.resource === 'follow_up' ? '拜访' : NAME;
        expect(mineText, `${r.url} as owner`).toContain(marker);
        expect(theirText, `${r.url} as outsider`).not.toContain(marker);
        expect(theirText, r.url).not.toContain('13700001234');
      }
    }
  });
});
