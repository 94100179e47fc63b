import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';

/** Data scope (SPEC 1.2) on every read of opportunities, and the list / kanban / export queries. */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep1b: Client;
let rep2: Client;
let manager1: Client;
let manager2: Client;
let admin: Client;
let customerA: number;
let customerB: number;
type Stage = { id: number; name: string };
type Pipeline = { id: number; code: string | null; name: string; stages: Stage[] };
let def: Pipeline;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep1b, rep2, manager1, manager2, admin] = await Promise.all(
    ['rep1', 'rep1b', 'rep2', 'manager1', 'manager2', 'admin'].map((u) => Client.login(env.app, u)),
  );
  customerA = (await rep1.post('/api/customers', { kind: 'company', name: '杭州明达科技有限公司' })).json().id;
  customerB = (await rep2.post('/api/customers', { kind: 'company', name: '宁波远航贸易有限公司' })).json().id;
  const pipes: Pipeline[] = (await rep1.get('/api/pipelines')).json().items;
  def = pipes.find((p) => p.code === 'default') as Pipeline;
});
afterAll(() => env.close());

const newOpp = async (who: Client, over: Record<string, unknown> = {}) => {
  const res = await who.post('/api/opportunities', {
    name: '数控机床采购',
    customerId: customerA,
    pipelineId: def.id,
    amount: '120000.00',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('data scope', () => {
  let mine: { id: number; no: string; version: number };
  let customerC: number;

  beforeAll(async () => {
    const c = await rep1b.post('/api/customers', { kind: 'individual', name: '刘先生', mobile: '13911112222' });
    expect(c.statusCode, c.body).toBe(201);
    customerC = c.json().id;
    mine = await newOpp(rep1b, {
      name: '范围测试商机甲',
      customerId: customerC,
      amount: '100.01',
      expectedCloseDate: '2031-03-15',
    });
  });

  const strip = (body: string) => {
    const { requestId: _r, ...rest } = JSON.parse(body);
    return rest;
  };

  it('another department answers 404 by id, exactly like an unknown id', async () => {
    for (const url of [`/api/opportunities/ID`, `/api/opportunities/ID/timeline`, `/api/opportunities/ID/proposals`]) {
      const hidden = await rep2.get(url.replace('ID', String(mine.id)));
      const unknown = await rep2.get(url.replace('ID', '987654321'));
      expect(hidden.statusCode, url).toBe(404);
      expect(strip(hidden.body)).toEqual(strip(unknown.body));
    }
    const write = await manager2.put(`/api/opportunities/${mine.id}`, { name: 'x', customerId: customerC, version: 1 });
    expect(write.statusCode).toBe(404);
    expect((await manager1.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(200);
    // Same department, own scope only: a colleague's opportunity is not visible to a rep.
    expect((await rep1.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(404);
  });

  it('is absent from list, count, kanban and export for other departments', async () => {
    const q = '?keyword=范围测试商机甲';
    for (const who of [rep2, manager2]) {
      expect((await who.get(`/api/opportunities${q}`)).json()).toMatchObject({ items: [], total: 0 });
      expect((await who.get(`/api/opportunities/count${q}`)).json()).toEqual({ total: 0, capped: false });
      const board = (await who.get(`/api/opportunities/kanban${q}`)).json();
      expect(
        board.stages.every((s: { count: number; cards: unknown[] }) => s.count === 0 && s.cards.length === 0),
      ).toBe(true);
      const x = await who.get(`/api/opportunities/export${q}`);
      expect(x.statusCode).toBe(200);
      expect(x.rawPayload.includes(Buffer.from(mine.no))).toBe(false);
    }
    expect((await manager1.get(`/api/opportunities/count${q}`)).json()).toEqual({ total: 1, capped: false });
    expect((await rep1b.get(`/api/opportunities${q}`)).json().items.map((i: { no: string }) => i.no)).toEqual([
      mine.no,
    ]);
  });

  it('follows the owner to a new department', async () => {
    const user = async () =>
      (await env.database.pool.query('select name, version from users where id = $1', [org.user.rep1b])).rows[0];
    const u = await user();
    const moved = await admin.put(`/api/users/${org.user.rep1b}`, {
      username: 'rep1b',
      name: u.name,
      deptId: org.dept.sales2,
      roles: ['sales_rep'],
      version: u.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await manager2.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(200);
    expect((await manager1.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(404);
    const back = await admin.put(`/api/users/${org.user.rep1b}`, {
      username: 'rep1b',
      name: u.name,
      deptId: org.dept.sales1,
      roles: ['sales_rep'],
      version: (await user()).version,
    });
    expect(back.statusCode).toBe(200);
    expect((await manager1.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(200);
  });

  it('lets a manager hand an opportunity to a rep in their scope, not outside it', async () => {
    const toRep = await manager1.put(`/api/opportunities/${mine.id}`, {
      name: '范围测试商机甲',
      customerId: customerC,
      amount: '100.01',
      ownerId: org.user.rep1,
      version: mine.version,
    });
    expect(toRep.statusCode, toRep.body).toBe(200);
    expect(toRep.json()).toMatchObject({ ownerId: org.user.rep1, ownerName: '张三' });
    const out = await manager1.put(`/api/opportunities/${mine.id}`, {
      name: '范围测试商机甲',
      customerId: customerC,
      amount: '100.01',
      ownerId: org.user.rep2,
      version: toRep.json().version,
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().fields[0]).toMatchObject({
      field: 'ownerId',
      message: '负责人不存在、已停用或不在您的管理范围内',
    });
    const stale = await rep1.put(`/api/opportunities/${mine.id}`, {
      name: '改名',
      customerId: customerC,
      version: mine.version,
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().message).toBe('数据已被他人修改，请刷新后重试');
    mine = toRep.json();
  });

  it('deletes softly with opportunity.delete only (archived within the retention period)', async () => {
    expect((await rep1.delete(`/api/opportunities/${mine.id}?version=${mine.version}`)).statusCode).toBe(403);
    // Younger than records.retentionYears: archived, kept, out of the list.
    expect((await manager1.delete(`/api/opportunities/${mine.id}?version=${mine.version}`)).json()).toMatchObject({
      archived: true,
    });
    const state = async () =>
      (
        await env.database.pool.query(
          'select archived_at is not null a, deleted_at is not null d from opportunities where id = $1',
          [mine.id],
        )
      ).rows[0];
    expect(await state()).toEqual({ a: true, d: false });
    // Past the period (created 11 years ago) the archived opportunity is deleted for good.
    await env.database.pool.query(`update opportunities set created_at = now() - interval '11 years' where id = $1`, [
      mine.id,
    ]);
    expect((await manager1.delete(`/api/opportunities/${mine.id}?version=${mine.version + 1}`)).statusCode).toBe(200);
    expect((await manager1.get(`/api/opportunities/${mine.id}`)).statusCode).toBe(404);
    expect(await state()).toEqual({ a: true, d: true });
  });
});

describe('list, kanban and export', () => {
  let pipe: Pipeline;
  beforeAll(async () => {
    // A pipeline of its own, so the sums below are exactly these opportunities.
    pipe = (
      await admin.post('/api/pipelines', {
        name: '报表测试流程',
        stages: [
          { name: '线索', probability: 25 },
          { name: '跟进', probability: 50 },
          { name: '成交', probability: 100, kind: 'won' },
          { name: '失败', probability: 0, kind: 'lost' },
        ],
      })
    ).json();
    const amounts = ['0.10', '0.20', '100.01', '0.02'];
    for (const [i, amount] of amounts.entries()) {
      await newOpp(rep1, { pipelineId: pipe.id, name: `看板商机${i}`, amount, expectedCloseDate: `2030-0${i + 1}-10` });
    }
    const o = await newOpp(rep2, {
      pipelineId: pipe.id,
      name: '看板商机-二部',
      customerId: customerB,
      amount: '5000.00',
    });
    await rep2.post(`/api/opportunities/${o.id}/move`, { stageId: pipe.stages[1].id, version: o.version });
  });

  it('shows each stage with its cards, count, exact amount and weighted amount', async () => {
    const board = (await rep1.get(`/api/opportunities/kanban?pipelineId=${pipe.id}&perStage=3`)).json();
    expect(board.pipeline).toMatchObject({ id: pipe.id, name: '报表测试流程' });
    const lead = board.stages[0];
    // 0.10 + 0.20 + 100.01 + 0.02; weighted at 25 %, each rounded half-up to fen: 0.03 + 0.05 + 25.00 + 0.01.
    expect(lead).toMatchObject({ name: '线索', count: 4, amount: '100.33', weightedAmount: '25.09' });
    expect(lead.cards).toHaveLength(3);
    expect(lead.cards[0]).toMatchObject({
      name: '看板商机3',
      amount: '0.02',
      probability: 25,
      customerName: '杭州明达科技有限公司',
      version: 1,
    });
    expect(board.stages[1]).toMatchObject({ name: '跟进', count: 0, amount: '0.00' });
    expect(board.open).toEqual({ count: 4, amount: '100.33', weightedAmount: '25.09' });
    const all = (await manager2.get(`/api/opportunities/kanban?pipelineId=${pipe.id}`)).json();
    expect(all.stages[1]).toMatchObject({ count: 1, amount: '5000.00', weightedAmount: '2500.00' });
    expect(all.stages[0].count).toBe(0);
  });

  it('filters and sorts the list', async () => {
    const byAmount = (await rep1.get(`/api/opportunities?pipelineId=${pipe.id}&sort=amount&order=desc`)).json();
    expect(byAmount.items.map((i: { amount: string }) => i.amount)).toEqual(['100.01', '0.20', '0.10', '0.02']);
    expect(byAmount.total).toBe(4);
    const range = (
      await rep1.get(
        `/api/opportunities?pipelineId=${pipe.id}&closeFrom=2030-02-01&closeTo=2030-03-31&sort=expectedCloseDate&order=asc`,
      )
    ).json();
    expect(range.items.map((i: { name: string }) => i.name)).toEqual(['看板商机1', '看板商机2']);
    const byCustomer = (await manager2.get('/api/opportunities?keyword=远航贸易')).json();
    expect(byCustomer.items.map((i: { name: string }) => i.name)).toEqual(['看板商机-二部']);
    const byStage = (await manager2.get(`/api/opportunities?stageId=${pipe.stages[1].id}&status=open`)).json();
    expect(byStage.total).toBe(1);
    const page = (await rep1.get(`/api/opportunities?pipelineId=${pipe.id}&pageSize=3&page=2`)).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
    expect((await rep1.get('/api/opportunities?closeFrom=2030-02-30')).statusCode).toBe(400);
  });

  it('exports the filtered list as xlsx within scope', async () => {
    const res = await rep1.get(`/api/opportunities/export?pipelineId=${pipe.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0].slice(0, 7)).toEqual(['商机编号', '商机名称', '客户', '销售流程', '阶段', '状态', '金额']);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[1])).not.toContain('看板商机-二部');
    expect(rows[3].slice(4, 8)).toEqual(['线索', '进行中', 100.01, 25]);
  });
});
