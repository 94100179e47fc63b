import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { seedPipelines } from './pipelines.defaults.ts';

/** Opportunities through the API: pipelines, numbers, money, the kanban move and its checklist rules. */
let env: TestEnv;
let org: Org;
let rep1: Client;
let rep2: Client;
let manager1: Client;
let admin: Client;
let customerA: number;
let customerB: number;
type Stage = {
  id: number;
  name: string;
  kind: string;
  probability: number;
  checklist: { key: string; label: string; auto: string | null }[];
};
type Pipeline = { id: number; code: string | null; name: string; isDefault: boolean; version: number; stages: Stage[] };
let def: Pipeline;
let fourS: Pipeline;
const stage = (p: Pipeline, name: string) => p.stages.find((s) => s.name === name) as Stage;
const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  [rep1, rep2, manager1, admin] = await Promise.all(
    ['rep1', 'rep2', 'manager1', 'admin'].map((u) => Client.login(env.app, u)),
  );
  customerA = (await rep1.post('/api/customers', { kind: 'company', name: '杭州明达科技有限公司' })).json().id;
  customerB = (await rep2.post('/api/customers', { kind: 'company', name: '宁波远航贸易有限公司' })).json().id;
  const pipes: Pipeline[] = (await rep1.get('/api/pipelines')).json().items;
  def = pipes.find((p) => p.code === 'default') as Pipeline;
  fourS = pipes.find((p) => p.code === '4s') as Pipeline;
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
const needs = (version = 0) => ({
  needs: '年产能提升 30%，需要 5 台五轴加工中心',
  budget: '600000',
  decisionMakers: [{ name: '陈总', title: '总经理', role: 'decision' }],
  timeline: '三季度内完成采购',
  competitors: [{ name: '某德系品牌', strengths: '品牌', weaknesses: '交期长' }],
  painPoints: '现有设备精度不足',
  version,
});

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

describe('the kanban move and the checklist', () => {
  let opp: { id: number; version: number };

  it('moves forward freely past a stage without checklist', async () => {
    opp = await newOpp(rep1, { name: '五轴加工中心项目', amount: '600000.00' });
    const res = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '需求分析').id,
      version: opp.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      stageName: '需求分析',
      probability: 25,
      missingToAdvance: ['需求分析表已填写'],
    });
    opp = res.json();
  });

  it('refuses to move on while the checklist is incomplete: 409 listing the missing items in Chinese', async () => {
    const res = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '方案/提案').id,
      version: opp.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'opportunity.checklist.incomplete',
      message: '请先完成：需求分析表已填写',
      missing: [{ stageName: '需求分析', key: 'needs_form', label: '需求分析表已填写' }],
    });
    const skip = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '赢单').id,
      version: opp.version,
    });
    expect(skip.json().message).toBe('请先完成：需求分析表已填写、方案已提交客户');
    const en = await rep1.request(
      'POST',
      `/api/opportunities/${opp.id}/move`,
      { stageId: stage(def, '赢单').id, version: opp.version },
      { 'accept-language': 'en-US' },
    );
    expect(en.json().message).toBe('Complete first: 需求分析表已填写, 方案已提交客户');
    const tw = await rep1.request(
      'POST',
      `/api/opportunities/${opp.id}/move`,
      { stageId: stage(def, '方案/提案').id, version: opp.version },
      { 'accept-language': 'zh-TW' },
    );
    expect(tw.json().message).toBe('請先完成：需求分析表已填写');
    const row = await env.database.pool.query('select stage_id, version from opportunities where id = $1', [opp.id]);
    expect(row.rows[0]).toEqual({ stage_id: stage(def, '需求分析').id, version: opp.version });
  });

  it('does not let the system-ticked item be ticked by hand', async () => {
    const res = await rep1.put(`/api/opportunities/${opp.id}/checklist`, {
      stageId: stage(def, '需求分析').id,
      key: 'needs_form',
      done: true,
      version: opp.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('“需求分析表已填写”由系统自动勾选，不能手动修改');
  });

  it('saving the needs analysis form ticks 需求分析表已填写; then the move is allowed', async () => {
    const saved = await rep1.put(`/api/opportunities/${opp.id}/needs-analysis`, needs(0));
    expect(saved.statusCode, saved.body).toBe(200);
    const o = saved.json();
    expect(o.needsAnalysis).toMatchObject({
      needs: needs().needs,
      budget: '600000.00',
      version: 1,
      decisionMakers: [{ name: '陈总', role: 'decision' }],
    });
    expect(stage(o, '需求分析').checklist[0]).toMatchObject({ done: true, doneByName: '张三' });
    expect(o.missingToAdvance).toEqual([]);
    expect(o.version).toBe(opp.version + 1);
    // The form has its own version: a second save with the old one is stale.
    expect((await rep1.put(`/api/opportunities/${opp.id}/needs-analysis`, needs(0))).statusCode).toBe(412);
    const again = await rep1.put(`/api/opportunities/${opp.id}/needs-analysis`, {
      ...needs(1),
      painPoints: '精度与交期',
    });
    expect(again.json().needsAnalysis.version).toBe(2);
    const moved = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '方案/提案').id,
      version: again.json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      stageName: '方案/提案',
      probability: 50,
      missingToAdvance: ['方案已提交客户'],
    });
    opp = moved.json();
  });

  it('a proposal accepted by the customer ticks 方案已提交客户', async () => {
    const p = await rep1.post(`/api/opportunities/${opp.id}/proposals`, {
      title: '五轴加工中心整体方案',
      items: '五轴加工中心 ×5；安装调试；操作培训',
      price: '588000.5',
      deliveryTerm: '合同签订后 60 天交货',
      sentOn: today(),
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ price: '588000.50', response: 'pending', version: 1 });
    const blocked = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '谈判').id,
      version: opp.version,
    });
    expect(blocked.json().message).toBe('请先完成：方案已提交客户');
    const accepted = await rep1.post(`/api/opportunity-proposals/${p.json().id}/response`, {
      response: 'accepted',
      note: '客户口头确认',
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ response: 'accepted', respondedOn: today(), version: 2 });
    const o = (await rep1.get(`/api/opportunities/${opp.id}`)).json();
    expect(o.missingToAdvance).toEqual([]);
    expect(o.proposals).toHaveLength(1);
    const moved = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '谈判').id,
      version: o.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    opp = moved.json();
  });

  it('moving backward is always allowed; a stale version is 412', async () => {
    const stale = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '初步接触').id,
      version: opp.version - 1,
    });
    expect(stale.statusCode).toBe(412);
    const back = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '初步接触').id,
      version: opp.version,
    });
    expect(back.json()).toMatchObject({ stageName: '初步接触', probability: 10 });
    // The ticks stay: straight back to 谈判 in one move.
    const fwd = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '谈判').id,
      version: back.json().version,
    });
    expect(fwd.json()).toMatchObject({ stageName: '谈判', probability: 75 });
    opp = fwd.json();
  });

  it('wins: status won, probability 100, close date; a won opportunity only reopens', async () => {
    const won = await rep1.post(`/api/opportunities/${opp.id}/win`, { version: opp.version });
    expect(won.statusCode, won.body).toBe(200);
    expect(won.json()).toMatchObject({
      status: 'won',
      stageName: '赢单',
      probability: 100,
      closedOn: today(),
      allowedActions: ['reopen', 'delete'],
    });
    const v = won.json().version;
    const move = await rep1.post(`/api/opportunities/${opp.id}/move`, { stageId: stage(def, '谈判').id, version: v });
    expect([move.statusCode, move.json().message]).toEqual([409, '商机已关闭（赢单或输单），请先重新打开']);
    const edit = await rep1.put(`/api/opportunities/${opp.id}`, {
      name: '改名',
      customerId: customerA,
      amount: '1.00',
      version: v,
    });
    expect(edit.statusCode).toBe(409);
    const reopened = await rep1.post(`/api/opportunities/${opp.id}/reopen`, { version: v, reason: '客户追加需求' });
    expect(reopened.json()).toMatchObject({ status: 'open', stageName: '谈判', closedOn: null, probability: 75 });
    expect(
      (await rep1.post(`/api/opportunities/${opp.id}/reopen`, { version: reopened.json().version })).statusCode,
    ).toBe(409);
    opp = reopened.json();
  });

  it('loses only with a reason, kept on the record', async () => {
    const noReason = await rep1.post(`/api/opportunities/${opp.id}/move`, {
      stageId: stage(def, '输单').id,
      version: opp.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([
      expect.objectContaining({ field: 'lostReason', message: '输单必须填写原因' }),
    ]);
    expect(
      (await rep1.post(`/api/opportunities/${opp.id}/lose`, { version: opp.version, reason: '' })).statusCode,
    ).toBe(400);
    const lost = await rep1.post(`/api/opportunities/${opp.id}/lose`, {
      version: opp.version,
      reason: '客户选择了竞品',
      category: 'competitor',
    });
    expect(lost.json()).toMatchObject({
      status: 'lost',
      stageName: '输单',
      probability: 0,
      lostReason: '客户选择了竞品',
      lostCategory: 'competitor',
    });
    const check = await env.database.pool
      .query(`update opportunities set lost_reason = null where id = $1`, [opp.id])
      .catch((e: Error) => e.message);
    expect(String(check)).toMatch(/opportunities_lost_reason_ck/);
    opp = lost.json();
  });

  it('shows the history on the timeline with stage names', async () => {
    const items = (await rep1.get(`/api/opportunities/${opp.id}/timeline`)).json().items;
    const actions = items.map((i: { action: string }) => i.action).reverse();
    expect(actions).toEqual([
      'create',
      'move',
      'needs_analysis',
      'checklist',
      'needs_analysis',
      'move',
      'create',
      'respond',
      'checklist',
      'move',
      'move',
      'move',
      'win',
      'reopen',
      'lose',
    ]);
    const win = items.find((i: { action: string }) => i.action === 'win');
    expect(win.changes).toContainEqual({ field: 'stageId', old: '谈判', new: '赢单' });
    expect(items[0]).toMatchObject({ action: 'lose', comment: '客户选择了竞品', actorName: '张三' });
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
