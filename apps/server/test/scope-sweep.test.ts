import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../src/app.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';
import { runFollowUpSweep } from '../src/modules/customers/follow-ups.sweep.ts';

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
let frontDesk: Client;
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
  'POST /api/tasks/:id/complete': () => ({}),
  'PUT /api/opportunities/:id': (version) => ({ name: '越权改名', customerId: 1, version }),
  'DELETE /api/opportunities/:id': () => undefined,
  'POST /api/opportunities/:id/move': (version) => ({ stageId: 1, version }),
  'POST /api/opportunities/:id/win': (version) => ({ version }),
  'POST /api/opportunities/:id/lose': (version) => ({ reason: '越权', version }),
  'POST /api/opportunities/:id/reopen': (version) => ({ version }),
  'PUT /api/opportunities/:id/checklist': (version) => ({ stageId: 1, key: 'needs_form', done: true, version }),
  'PUT /api/opportunities/:id/needs-analysis': () => ({ needs: '越权', version: 0 }),
  'POST /api/opportunities/:id/proposals': () => ({ title: '越权', items: '越权', price: '1.00' }),
  'PUT /api/opportunity-proposals/:id': (version) => ({ title: '越权', items: '越权', price: '1.00', version }),
  'POST /api/opportunity-proposals/:id/response': (version) => ({ response: 'accepted', version }),
  'DELETE /api/opportunity-proposals/:id': () => undefined,
  'POST /api/customers/:id/release': (version) => ({ reason: '越权', version }),
  'POST /api/customers/:id/lock': (version) => ({ version }),
  'POST /api/customers/:id/unlock': (version) => ({ version }),
  'POST /api/pool/customers/:id/claim': () => ({}),
  'POST /api/pool/customers/:id/move': (version) => ({ toPoolId: 1, reason: '越权', version }),
  'POST /api/pool/customers/:id/assign': (version) => ({ toUserId: 1, reason: '越权', version }),
  'PUT /api/pools/:id': (version) => ({ name: '越权', memberDeptIds: [1], version }),
  'PUT /api/duty-groups/:id': (version) => ({ name: '越权', deptId: 1, memberIds: [], version }),
  'PUT /api/duty-groups/:id/roster': () => ({ dates: ['2030-01-01'], members: [] }),
};

// Who legitimately sees each resource: the owner, except approvals, seen by their approver.
// Duty groups are seen by their department's manager, registrations by the front desk.
const insider = (resource: string) =>
  resource === 'approval_instance' || resource === 'duty_group' ? approver : resource === 'frontdesk_registration' ? frontDesk : owner;

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
  // The next action due today becomes the owner's task (SPEC 1.6).
  await runFollowUpSweep(env.database.db, new Date());
  fixture.task = (await env.database.pool.query('select id from tasks where user_id = $1', [org.user.rep1])).rows[0].id;
  const credit = (await owner.post(`/api/customers/${c.id}/credit-requests`, { rating: 'B', creditLimit: '80000.00', paymentTermsDays: 30, reason: '扫描' })).json();
  fixture.credit_request = credit.id;
  fixture.approval_instance = credit.instanceId;
  // An opportunity on the fixture customer, with a proposal (商机, SPEC 2.6).
  const pipelines = (await owner.get('/api/pipelines')).json().items;
  const opp = (await owner.post('/api/opportunities', { name: '扫描商机', customerId: c.id, pipelineId: pipelines.find((p: { isDefault: boolean }) => p.isDefault).id })).json();
  fixture.opportunity = opp.id;
  fixture.opportunity_proposal = (await owner.post(`/api/opportunities/${opp.id}/proposals`, { title: '扫描方案', items: '设备', price: '100.00' })).json().id;
  // A pool (公海) of 销售一部 only, with a released customer; a duty group of 销售一部 on duty today;
  // the front desk registers a visit of the fixture customer (routed to its owner, SPEC 2.3 / 2.4).
  const m1 = await Client.login(env.app, 'manager1');
  fixture.pool = (await m1.post('/api/pools', { name: `${NAME}公海`, memberDeptIds: [org.dept.sales1] })).json().id;
  const pc = (await owner.post('/api/customers', { kind: 'company', name: `${NAME}（公海）`, mobile: '13700009999' })).json();
  await owner.post(`/api/customers/${pc.id}/release`, { reason: '扫描', poolId: fixture.pool, version: pc.version });
  fixture.pool_customer = pc.id;
  fixture.duty_group = (await m1.post('/api/duty-groups', { name: `${NAME}接待组`, deptId: org.dept.sales1, memberIds: [org.user.rep1] })).json().id;
  await m1.put(`/api/duty-groups/${fixture.duty_group}/roster`, { dates: [today()], members: [{ userId: org.user.rep1 }] });
  frontDesk = await Client.login(env.app, 'front');
  const visit = { kind: 'visit', visitorName: '扫描访客', phone: '13700001234', companyName: NAME, channel: 'walk_in' };
  fixture.frontdesk_registration = (await frontDesk.post('/api/front-desk/registrations', visit)).json().id;
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
      if (perm.startsWith('customer.') || perm.startsWith('followup.') || perm.startsWith('opportunity.')) {
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
