import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Org, TestEnv } from '../../../test/harness.ts';
import {
  newOpp as createOpp,
  needs,
  type OppWorld,
  openOppWorld,
  type Pipeline,
  type Stage,
  stage,
} from './opportunities.testkit.ts';
import { seedPipelines } from './pipelines.defaults.ts';

/** Opportunities through the API: pipelines, numbers, money, and the 4S pipeline's hand-ticked items. */
let w: OppWorld;
let env: TestEnv;
let org: Org;
let rep1: Client;
let manager1: Client;
let admin: Client;
let customerA: number;
let customerB: number;
let def: Pipeline;
let fourS: Pipeline;

beforeAll(async () => {
  w = await openOppWorld();
  ({ env, org, rep1, manager1, admin, customerA, customerB, def, fourS } = w);
});
afterAll(() => env.close());

const newOpp = (who: Client, over: Record<string, unknown> = {}) => createOpp(w, who, over);
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);

describe('pipelines', () => {
  it('seeds 默认销售流程 (the default) and 4S销售流程 with their checklists, idempotently', async () => {
    expect(def).toMatchObject({ name: '默认销售流程', isDefault: true });
    expect(def.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['初步接触', 10, 'open'],
      ['需求分析', 25, 'open'],
      ['方案/提案', 50, 'open'],
      ['谈判', 75, 'open'],
      ['赢单', 100, 'won'],
      ['输单', 0, 'lost'],
    ]);
    expect(stage(def, '需求分析').checklist).toEqual([
      { key: 'needs_form', label: '需求分析表已填写', auto: 'needs_analysis' },
    ]);
    expect(stage(def, '方案/提案').checklist.map((c) => c.label)).toEqual(['方案已提交客户']);
    expect(fourS.stages.map((s) => s.name)).toEqual([
      '集客',
      '接待',
      '需求分析',
      '产品介绍',
      '试乘试驾',
      '报价成交',
      '交车',
      '跟踪回访',
      '赢单',
      '输单',
    ]);
    await seedPipelines(env.database.db);
    await seedPipelines(env.database.db);
    const n = await env.database.pool.query('select count(*)::int n from pipelines');
    const s = await env.database.pool.query('select count(*)::int n from pipeline_stages');
    expect([n.rows[0].n, s.rows[0].n]).toEqual([2, 16]);
  });

  it('lets only pipeline.manage create and change pipelines (versioned, audited)', async () => {
    const body = {
      name: '大客户流程',
      stages: [
        { name: '立项', probability: 10, checklist: [{ key: 'brief', label: '立项报告已审批' }] },
        { name: '招投标', probability: 60 },
        { name: '中标', probability: 100, kind: 'won' },
        { name: '未中标', probability: 0, kind: 'lost' },
      ],
    };
    expect((await rep1.post('/api/pipelines', body)).statusCode).toBe(403);
    const created = await admin.post('/api/pipelines', body);
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.stages.map((s: Stage) => s.name)).toEqual(['立项', '招投标', '中标', '未中标']);
    const bad = await admin.post('/api/pipelines', { ...body, stages: body.stages.slice(0, 3) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe('阶段设置不正确：至少一个进行中阶段，且恰好一个赢单阶段和一个输单阶段');

    // An opportunity sits in 招投标: that stage cannot be removed nor change kind; others can.
    const opp = await newOpp(rep1, { pipelineId: p.id, name: '政府集采项目' });
    const tick = await rep1.put(`/api/opportunities/${opp.id}/checklist`, {
      stageId: p.stages[0].id,
      key: 'brief',
      done: true,
      version: 1,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    expect(
      (await rep1.post(`/api/opportunities/${opp.id}/move`, { stageId: p.stages[1].id, version: 2 })).statusCode,
    ).toBe(200);
    const keep = (s: Stage) => ({
      id: s.id,
      name: s.name,
      probability: s.probability,
      kind: s.kind,
      checklist: s.checklist,
    });
    const removeInUse = await admin.put(`/api/pipelines/${p.id}`, {
      name: p.name,
      version: 1,
      stages: [keep(p.stages[0]), keep(p.stages[2]), keep(p.stages[3])],
    });
    expect(removeInUse.statusCode).toBe(409);
    expect(removeInUse.json().message).toBe('阶段“招投标”下还有商机，不能删除');
    const renamed = await admin.put(`/api/pipelines/${p.id}`, {
      name: '大客户销售流程',
      version: 1,
      stages: [
        keep(p.stages[0]),
        { ...keep(p.stages[1]), probability: 55 },
        { name: '商务谈判', probability: 80 },
        keep(p.stages[2]),
        keep(p.stages[3]),
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().stages.map((s: Stage) => `${s.name}:${s.probability}`)).toEqual([
      '立项:10',
      '招投标:55',
      '商务谈判:80',
      '中标:100',
      '未中标:0',
    ]);
    expect((await rep1.get(`/api/opportunities/${opp.id}`)).json().probability).toBe(55);
    const stale = await admin.put(`/api/pipelines/${p.id}`, { name: 'x', version: 1, stages: body.stages });
    expect(stale.statusCode).toBe(412);
    const audit = await env.database.pool.query(
      `select action from audit_log where entity_type = 'pipeline' and entity_id = $1 order by id`,
      [p.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
  });
});

describe('create, numbers and money', () => {
  it('creates in the first stage with a gapless SJ number; an invisible customer is refused without using a number', async () => {
    const first = await newOpp(rep1, { name: '首个商机' });
    const n = Number(first.no.slice(-6));
    expect(first.no).toMatch(new RegExp(`^SJ-${year}-\\d{6}$`));
    expect(first).toMatchObject({
      stageName: '初步接触',
      status: 'open',
      probability: 10,
      ownerId: org.user.rep1,
      customerName: '杭州明达科技有限公司',
    });
    const hidden = await rep1.post('/api/opportunities', { name: '越权', customerId: customerB, pipelineId: def.id });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().fields).toEqual([
      expect.objectContaining({ field: 'customerId', message: '客户不存在或您无权查看' }),
    ]);
    const next = await newOpp(rep1, { name: '第二个商机' });
    expect(Number(next.no.slice(-6))).toBe(n + 1);
  });

  it('issues consecutive numbers to concurrent creates, refused ones leaving no gap', async () => {
    const before = await env.database.pool.query(`select last_value from doc_sequences where doc_type = 'opportunity'`);
    const start = before.rows[0].last_value;
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        rep1.post('/api/opportunities', {
          name: `并发商机${i}`,
          customerId: i % 4 === 0 ? customerB : customerA,
          pipelineId: def.id,
        }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 201).map((r) => r.json().no as string);
    expect(results.filter((r) => r.statusCode === 400)).toHaveLength(6);
    expect(ok.sort()).toEqual(
      Array.from({ length: 18 }, (_, i) => `SJ-${year}-${String(start + i + 1).padStart(6, '0')}`),
    );
  });

  it('keeps money exact end to end (numeric(18,2), strings on the wire)', async () => {
    const big = await newOpp(rep1, { name: '超大金额', amount: '9999999999999999.99' });
    expect(big.amount).toBe('9999999999999999.99');
    const tenth = await newOpp(rep1, { name: '一角', amount: '0.1' });
    expect(tenth.amount).toBe('0.10');
    const bad = await rep1.post('/api/opportunities', {
      name: '三位小数',
      customerId: customerA,
      pipelineId: def.id,
      amount: '1.005',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'amount', message: '金额格式不正确（非负数，最多两位小数）' });
    const row = await env.database.pool.query('select amount::text a from opportunities where id = $1', [big.id]);
    expect(row.rows[0].a).toBe('9999999999999999.99');
    await rep1.delete(`/api/opportunities/${big.id}?version=1`);
    await manager1.delete(`/api/opportunities/${big.id}?version=1`);
    await manager1.delete(`/api/opportunities/${tenth.id}?version=1`);
  });
});

describe('4S pipeline with hand-ticked items', () => {
  it('试乘试驾 needs 试驾协议已签 ticked before 报价成交', async () => {
    let o = await newOpp(rep1, { name: '新车意向：SUV', pipelineId: fourS.id, amount: '259800.00' });
    const drive = stage(fourS, '试乘试驾');
    // Stages before 试乘试驾 have hand-ticked items: tick them all, then move.
    for (const s of fourS.stages.slice(0, 4)) {
      for (const item of s.checklist.filter((c) => !c.auto)) {
        o = (
          await rep1.put(`/api/opportunities/${o.id}/checklist`, {
            stageId: s.id,
            key: item.key,
            done: true,
            version: o.version,
          })
        ).json();
      }
    }
    o = (
      await rep1.put(`/api/opportunities/${o.id}/needs-analysis`, { ...needs(0), budget: null, competitors: [] })
    ).json();
    const toDrive = await rep1.post(`/api/opportunities/${o.id}/move`, { stageId: drive.id, version: o.version });
    expect(toDrive.statusCode, toDrive.body).toBe(200);
    o = toDrive.json();
    o = (
      await rep1.put(`/api/opportunities/${o.id}/checklist`, {
        stageId: drive.id,
        key: 'license_checked',
        done: true,
        version: o.version,
      })
    ).json();
    const refused = await rep1.post(`/api/opportunities/${o.id}/move`, {
      stageId: stage(fourS, '报价成交').id,
      version: o.version,
    });
    expect(refused.json().message).toBe('请先完成：试驾协议已签');
    o = (
      await rep1.put(`/api/opportunities/${o.id}/checklist`, {
        stageId: drive.id,
        key: 'test_drive_agreement',
        done: true,
        version: o.version,
      })
    ).json();
    const moved = await rep1.post(`/api/opportunities/${o.id}/move`, {
      stageId: stage(fourS, '报价成交').id,
      version: o.version,
    });
    expect(moved.json()).toMatchObject({ stageName: '报价成交', probability: 70 });
    // Unticking is allowed and audited too.
    const untick = await rep1.put(`/api/opportunities/${o.id}/checklist`, {
      stageId: drive.id,
      key: 'test_drive_agreement',
      done: false,
      version: moved.json().version,
    });
    const items: { key: string; done: boolean }[] = untick
      .json()
      .stages.find((s: Stage) => s.name === '试乘试驾').checklist;
    expect(items.find((c) => c.key === 'test_drive_agreement')?.done).toBe(false);
  });
});
