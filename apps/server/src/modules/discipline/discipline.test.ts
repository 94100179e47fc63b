import { type DisciplineThresholds, disciplineLevel } from '@sales/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { disciplineForPeriod } from './discipline.summary.ts';

/**
 * Discipline (奖惩, SPEC 5.6; seed 000 员工奖惩处理规定): the level from the loss thresholds and the yearly
 * repeat count, the 一级 handling (warning, or full compensation plus the fixed contribution), the
 * decision of higher levels, the person's acknowledgement, the data scope, and the period summary
 * the appraisal reads. Every expected figure below is worked out by hand from the seed's rules.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
  for (const u of ['admin', 'manager1', 'manager2', 'supervisor1', 'rep1', 'rep1b', 'teamrep', 'rep2', 'director'])
    who[u] = await Client.login(env.app, u);
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const SEED: DisciplineThresholds = {
  level2Loss: '200.00',
  level3Loss: '1000.00',
  majorLoss: '3000.00',
  level2Repeats: 3,
  level3Repeats: 5,
};

const incident = (personId: number, occurredOn: string, lossAmount = '0', rule = '未按流程登记来访客户') => ({
  kind: 'incident',
  personId,
  occurredOn,
  rule,
  description: '当日来访客户未在系统登记',
  lossAmount,
});

async function record(c: Client, body: object) {
  const r = await c.post('/api/discipline-records', body);
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
}
async function decide(c: Client, id: number, body: object = {}) {
  const cur = (await c.get(`/api/discipline-records/${id}`)).json();
  return c.post(`/api/discipline-records/${id}/decide`, { version: cur.version, ...body });
}

describe('level from the thresholds and the repeat count (pure, seed 000 错误的划分标准)', () => {
  it.each([
    ['0', 1, 'level1'],
    ['199.99', 1, 'level1'],
    ['200.00', 1, 'level2'], // 损失在200元以下 is 一级: 200 itself is not below 200
    ['999.99', 1, 'level2'],
    ['1000.00', 1, 'level3'],
    ['2999.99', 1, 'level3'],
    ['3000.00', 1, 'major'], // 3000元以上(含3000元)
    ['0', 2, 'level1'],
    ['0', 3, 'level2'], // 本年累计三次以上: the 3rd violation
    ['0', 4, 'level2'],
    ['0', 5, 'level3'], // 本年累计五次以上
    ['150.00', 9, 'level3'], // repeats never make it 重大
    ['250.00', 5, 'level3'], // the higher of the two
    ['1500.00', 3, 'level3'],
    ['3000.00', 5, 'major'],
  ])('loss ¥%s, violation no. %i of the year → %s', (loss, n, level) => {
    expect(disciplineLevel(loss, n, SEED).level).toBe(level);
  });
});

describe('recording and deciding', () => {
  it('counts only the decided incidents of the same year before this one; drafts, void and last year do not count', async () => {
    const m = who.manager1;
    const rep = org.user.rep1b;
    // Last year's decided incident does not count for 2026.
    const old = await record(m, incident(rep, '2025-12-30'));
    expect((await decide(m, old.id)).statusCode).toBe(200);
    const a = await record(m, incident(rep, '2026-02-01'));
    expect(a).toMatchObject({ level: 'level1', repeatCount: 1, status: 'draft' });
    expect((await decide(m, a.id)).json()).toMatchObject({ status: 'decided', outcome: 'warning', level: 'level1' });
    // An undecided draft and a void record are not violations decided against the person.
    const draft = await record(m, incident(rep, '2026-03-01'));
    const voided = await record(m, incident(rep, '2026-03-02'));
    await decide(m, voided.id);
    const v = (await m.get(`/api/discipline-records/${voided.id}`)).json();
    expect(
      (await m.post(`/api/discipline-records/${voided.id}/void`, { version: v.version, reason: '登记错人' }))
        .statusCode,
    ).toBe(200);
    const b = await record(m, incident(rep, '2026-04-01'));
    expect(b).toMatchObject({ repeatCount: 2, level: 'level1' });
    await decide(m, b.id);
    // The third decided violation of 2026 is 二级 (本年累计三次以上), without any loss.
    const c = await record(m, incident(rep, '2026-05-01'));
    expect(c).toMatchObject({ repeatCount: 3, level: 'level2' });
    expect(c.levelBasis).toMatchObject({ byLoss: 'level1', byRepeats: 'level2', level2Repeats: 3 });
    // The level preview gives the same, before anything is written.
    const pv = await m.get(`/api/discipline-records/level?personId=${rep}&occurredOn=2026-05-01&lossAmount=0`);
    expect(pv.json()).toMatchObject({ level: 'level2', repeatCount: 3 });
    // A backdated incident between them counts only what was decided before its own date.
    const back = await record(m, incident(rep, '2026-03-15'));
    expect(back).toMatchObject({ repeatCount: 2, level: 'level1' });
    // The draft is still a draft and stays out of every count.
    expect((await q('select status from discipline_records where id = $1', [draft.id]))[0].status).toBe('draft');
  });

  it('follows the policies: a lower repeat threshold makes the same count a higher level', async () => {
    const a = who.admin;
    expect((await a.put('/api/policies/discipline.level2Repeats', { value: 2, version: 0 })).statusCode).toBe(200);
    const m = who.manager1;
    const rep = org.user.teamRep;
    const first = await record(m, incident(rep, '2026-01-10'));
    await decide(m, first.id);
    const second = await record(m, incident(rep, '2026-01-11'));
    expect(second).toMatchObject({ repeatCount: 2, level: 'level2' });
    expect((await a.put('/api/policies/discipline.level2Repeats', { value: 3, version: 1 })).statusCode).toBe(200);
    // Computed again on edit: back to 一级 under the seed's 3.
    const upd = await m.put(`/api/discipline-records/${second.id}`, { ...incident(rep, '2026-01-11'), version: 1 });
    expect(upd.json()).toMatchObject({ repeatCount: 2, level: 'level1', version: 2 });
  });

  it('level 1 with a loss: full compensation plus the fixed contribution (policy, ¥5–20)', async () => {
    const m = who.manager1;
    const rep = org.user.rep1;
    const r = await record(m, incident(rep, '2026-06-01', '150.50', '发货单地址填写错误'));
    expect(r).toMatchObject({ level: 'level1', lossAmount: '150.50' });
    // 一级 is decided by the rule: a penalty of the decider's own is refused, nothing written.
    const bad = await decide(m, r.id, { fineAmount: '50.00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'fineAmount' });
    expect((await q('select status from discipline_records where id = $1', [r.id]))[0].status).toBe('draft');
    const ok = (await decide(m, r.id)).json();
    expect(ok).toMatchObject({
      status: 'decided',
      outcome: 'compensation',
      compensationAmount: '150.50',
      contributionAmount: '10.00',
      fineAmount: '0.00',
    });
    // The policy itself stays within the seed's 5–20.
    for (const value of ['4.99', '20.01'])
      expect(
        (await who.admin.put('/api/policies/discipline.level1Contribution', { value, version: 0 })).statusCode,
      ).toBe(400);
    expect(
      (await who.admin.put('/api/policies/discipline.level1Contribution', { value: '20.00', version: 0 })).statusCode,
    ).toBe(200);
    const r2 = await record(m, incident(rep, '2026-06-02', '0.01'));
    expect((await decide(m, r2.id)).json()).toMatchObject({ compensationAmount: '0.01', contributionAmount: '20.00' });
    // Without a loss it is a warning: nothing to pay (the supervisor's first violation of the year).
    const r3 = await record(m, incident(org.user.supervisor1, '2026-06-03'));
    expect((await decide(m, r3.id)).json()).toMatchObject({
      outcome: 'warning',
      compensationAmount: '0.00',
      contributionAmount: '0.00',
    });
  });

  it('higher levels take the decider’s penalty: the decision in words, compensation up to the loss', async () => {
    const m = who.manager1;
    const r = await record(m, incident(org.user.supervisor1, '2026-06-05', '3000.00', '未经审批擅自降价'));
    expect(r.level).toBe('major');
    const noText = await decide(m, r.id, {});
    expect(noText.json().fields[0]).toMatchObject({ field: 'decision' });
    const tooMuch = await decide(m, r.id, { decision: '赔偿并罚款', compensationAmount: '3000.01' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().fields[0]).toMatchObject({ field: 'compensationAmount' });
    expect(tooMuch.json().fields[0].message).toContain('3,000.00');
    const ok = await decide(m, r.id, {
      decision: '赔偿一半损失，罚款200元',
      compensationAmount: '1500',
      fineAmount: '200',
    });
    expect(ok.json()).toMatchObject({ outcome: 'penalty', compensationAmount: '1500.00', fineAmount: '200.00' });
    // A decided record is not decided again.
    expect((await decide(m, r.id, { decision: '再次处理' })).statusCode).toBe(409);
  });

  it('records rewards: no loss, no level, the amount decided', async () => {
    const m = who.manager1;
    const withLoss = await m.post('/api/discipline-records', {
      ...incident(org.user.rep1, '2026-06-06', '10'),
      kind: 'reward',
    });
    expect(withLoss.json().fields[0]).toMatchObject({ field: 'lossAmount' });
    const r = await record(m, { ...incident(org.user.rep1, '2026-06-06'), kind: 'reward', rule: '季度销售冠军' });
    expect(r).toMatchObject({ kind: 'reward', level: null });
    expect((await decide(m, r.id, { decision: '通报表扬并奖励', rewardAmount: '500' })).json()).toMatchObject({
      outcome: 'reward',
      rewardAmount: '500.00',
    });
  });
});

describe('acknowledgement and scope', () => {
  it('the person sees their own records only and acknowledges them; the to-do is done', async () => {
    const m = who.manager1;
    const mine = await record(m, incident(org.user.rep1, '2026-06-10', '20', '报价单未附技术参数'));
    const other = await record(m, incident(org.user.rep1b, '2026-06-10'));
    // rep1's third decided violation of 2026 (06-01, 06-02 before it): 二级, decided in words.
    expect(mine).toMatchObject({ repeatCount: 3, level: 'level2' });
    expect((await decide(m, mine.id, { decision: '本年第三次违规，赔偿损失' })).json()).toMatchObject({
      outcome: 'penalty',
      compensationAmount: '20.00',
      fineAmount: '0.00',
    });
    const rep = who.rep1;
    const list = (await rep.get('/api/discipline-records?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i: { personId: number }) => i.personId === org.user.rep1)).toBe(true);
    expect((await rep.get(`/api/discipline-records/${other.id}`)).statusCode).toBe(404);
    const task = await q(
      "select status, due_date::text from tasks where ref_type = 'discipline_record' and ref_id = $1",
      [mine.id],
    );
    expect(task).toEqual([{ status: 'open', due_date: '2026-06-18' }]); // 3 working days after Mon 15 June
    // Only the person acknowledges; nobody decides their own record.
    const seen = (await rep.get(`/api/discipline-records/${mine.id}`)).json();
    expect(seen).toMatchObject({ canAcknowledge: true, canRecord: false });
    expect((await m.post(`/api/discipline-records/${mine.id}/acknowledge`, { version: seen.version })).statusCode).toBe(
      403,
    );
    expect(
      (await rep.post(`/api/discipline-records/${mine.id}/void`, { version: seen.version, reason: 'x' })).statusCode,
    ).toBe(403);
    const ack = await rep.post(`/api/discipline-records/${mine.id}/acknowledge`, {
      version: seen.version,
      comment: '已知悉，今后注意',
    });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgeComment: '已知悉，今后注意' });
    expect(
      (await q('select status from tasks where ref_id = $1 and ref_type = $2', [mine.id, 'discipline_record']))[0]
        .status,
    ).toBe('done');
    const hist = ack.json().history.map((h: { action: string }) => h.action);
    expect(hist).toEqual(['acknowledge', 'decide', 'create']);
  });

  it('a manager sees and records for the department (and below); another department’s manager gets 404', async () => {
    const m = who.manager1;
    const r = await record(m, incident(org.user.teamRep, '2026-06-11'));
    expect((await who.supervisor1.get(`/api/discipline-records/${r.id}`)).statusCode).toBe(200);
    const outsider = who.manager2;
    const hidden = await outsider.get(`/api/discipline-records/${r.id}`);
    const unknown = await outsider.get('/api/discipline-records/987654321');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe(unknown.json().code);
    expect((await outsider.post(`/api/discipline-records/${r.id}/decide`, { version: 1 })).statusCode).toBe(404);
    const list = (await outsider.get('/api/discipline-records?pageSize=200')).json();
    expect(list.items.some((i: { id: number }) => i.id === r.id)).toBe(false);
    // Out of scope as the person of a new record: a field error, nothing written.
    const before = (await q('select count(*)::int as n from discipline_records'))[0].n;
    const res = await outsider.post('/api/discipline-records', incident(org.user.rep1, '2026-06-11'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'personId' });
    // Nor oneself, nor a date after today.
    expect(
      (await m.post('/api/discipline-records', incident(org.user.manager1, '2026-06-11'))).json().fields[0].field,
    ).toBe('personId');
    expect(
      (await m.post('/api/discipline-records', incident(org.user.rep1, '2026-06-16'))).json().fields[0].field,
    ).toBe('occurredOn');
    expect((await q('select count(*)::int as n from discipline_records'))[0].n).toBe(before);
    // A rep records nothing.
    expect((await who.rep2.post('/api/discipline-records', incident(org.user.rep1, '2026-06-11'))).statusCode).toBe(
      403,
    );
  });
});

describe('the period summary appraisal reads', () => {
  it('sums each person’s decided records of the period, by level and amount', async () => {
    const rep = org.user.rep1;
    const sup = org.user.supervisor1;
    const all = await disciplineForPeriod(env.database.db, {
      from: '2026-06-01',
      to: '2026-06-30',
      personIds: [rep, sup, org.user.rep1b],
    });
    // June for rep1: 150.50 + 10 contribution (06-01), 0.01 + 20 (06-02, the policy raised to 20),
    // reward 500 (06-06), 二级 with 20 compensation (06-10, acknowledged).
    const s = all.get(rep);
    expect(s).toMatchObject({
      incidents: 3,
      warnings: 0,
      levels: { level1: 2, level2: 1, level3: 0, major: 0 },
      rewards: 1,
      compensation: '170.51',
      contribution: '30.00',
      fines: '0.00',
      deductions: '200.51',
      rewardTotal: '500.00',
    });
    expect(s?.records.filter((r) => r.acknowledged).map((r) => r.occurredOn)).toEqual(['2026-06-10']);
    // The supervisor: a warning (06-03) and a 重大 error with 1500 compensation and a 200 fine (06-05).
    expect(all.get(sup)).toMatchObject({
      incidents: 2,
      warnings: 1,
      levels: { level1: 1, level2: 0, level3: 0, major: 1 },
      deductions: '1700.00',
    });
    // rep1b's June record is only a draft: nothing decided, no entry.
    expect(all.has(org.user.rep1b)).toBe(false);
    // May is someone else's story; an empty id list reads nothing.
    expect(
      (await disciplineForPeriod(env.database.db, { from: '2026-05-01', to: '2026-05-31', personIds: [rep] })).size,
    ).toBe(0);
    expect(
      (await disciplineForPeriod(env.database.db, { from: '2026-01-01', to: '2026-12-31', personIds: [] })).size,
    ).toBe(0);
  });
});
