import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestEnv } from '../../../test/harness.ts';
import {
  newOpp as createOpp,
  needs,
  type OppWorld,
  openOppWorld,
  type Pipeline,
  stage,
  today,
} from './opportunities.testkit.ts';

/** Opportunities through the API: the kanban move, its checklist rules, win / lose and the timeline. */
let w: OppWorld;
let env: TestEnv;
let rep1: Client;
let customerA: number;
let def: Pipeline;

beforeAll(async () => {
  w = await openOppWorld();
  ({ env, rep1, customerA, def } = w);
});
afterAll(() => env.close());

const newOpp = (who: Client, over: Record<string, unknown> = {}) => createOpp(w, who, over);

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
