import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { trainingResults } from './training.results.ts';

/**
 * Training plans, sessions, attendance, scores and feedback (SPEC 5.4; seed 001 团队培训与发展):
 * the organiser's scope decides who changes a plan, a rep sees their own rows only, bad input is
 * refused field by field with nothing written, and the results per person and period (for the
 * appraisal) are computed by hand below.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;

const PLAN = {
  title: '2027年第二季度销售技巧提升培训',
  kind: 'in_service',
  goals: '提升沟通与谈判技巧',
  content: '客户需求挖掘、异议处理、成交技巧',
  method: 'case_study',
  trainer: '外聘讲师 陈老师',
  startsOn: '2027-04-01',
  endsOn: '2027-06-30',
};
const session = (topic: string, day: string, participantIds: number[], extra: object = {}) => ({
  topic,
  startsAt: `${day}T14:00:00+08:00`,
  endsAt: `${day}T17:00:00+08:00`,
  location: '三楼培训室',
  passScore: '60',
  participantIds,
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-05-20T10:00:00+08:00'));
  for (const u of ['director', 'manager1', 'manager2', 'rep1', 'rep1b', 'rep2'])
    who[u] = await Client.login(env.app, u);
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('plans and sessions', () => {
  it('manager1 plans the quarter’s training; bad input is refused by field and writes nothing', async () => {
    const bad = await who.manager1.post('/api/training/plans', { ...PLAN, endsOn: '2027-03-31' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'endsOn', message: '结束时间应晚于开始时间' }),
    ]);
    expect(await q('select count(*)::int as n from training_plans')).toEqual([{ n: 0 }]);
    expect((await who.rep1.post('/api/training/plans', PLAN)).statusCode).toBe(403);
    const res = await who.manager1.post('/api/training/plans', PLAN);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...PLAN, ownerName: '李经理', canManage: true, sessions: [] });
    ids.plan = res.json().id;
  });

  it('sessions enrol people of the organiser’s scope, within the plan’s schedule', async () => {
    const url = `/api/training/plans/${ids.plan}/sessions`;
    const outside = await who.manager1.post(url, session('异议处理', '2027-07-02', [org.user.rep1]));
    expect(outside.json().fields[0]).toMatchObject({
      field: 'startsAt',
      message: '培训场次应安排在计划周期内（2027-04-01 至 2027-06-30）',
    });
    // rep2 belongs to 销售二部: outside manager1's training.manage scope.
    const foreign = await who.manager1.post(url, session('异议处理', '2027-05-10', [org.user.rep1, org.user.rep2]));
    expect(foreign.json().fields[0]).toMatchObject({
      field: 'participantIds',
      message: '参训人员不存在、已停用或不在您的管理范围内',
    });
    expect(await q('select count(*)::int as n from training_sessions')).toEqual([{ n: 0 }]);
    const s1 = await who.manager1.post(url, session('异议处理', '2027-05-10', [org.user.rep1, org.user.rep1b]));
    expect(s1.statusCode, s1.body).toBe(201);
    ids.s1 = s1.json().id;
    const s2 = await who.manager1.post(
      url,
      session('成交技巧实操', '2027-05-18', [org.user.rep1, org.user.rep1b, org.user.teamRep], {
        assessmentMethod: 'practical',
        passScore: '70',
      }),
    );
    ids.s2 = s2.json().id;
    const later = await who.manager1.post(url, session('季度复盘', '2027-06-20', [org.user.rep1]));
    ids.s3 = later.json().id;
    expect((await who.manager2.put(`/api/training/plans/${ids.plan}`, { ...PLAN, version: 1 })).statusCode).toBe(404);
  });

  it('results: attendance and scores are checked row by row; the session is completed', async () => {
    const url = `/api/training/sessions/${ids.s1}/results`;
    const cases: [object, string, string][] = [
      [{ userId: org.user.rep1, status: 'absent', score: '80' }, 'rows.0.score', '缺勤人员不能登记成绩'],
      [{ userId: org.user.rep1, status: 'present' }, 'rows.0.score', '请填写出勤人员的考核成绩'],
      [{ userId: org.user.rep2, status: 'present', score: '80' }, 'rows.0.userId', '该人员未报名本场培训'],
      [
        { userId: org.user.rep1, status: 'present', score: '100.5' },
        'rows.0.score',
        '成绩应为 0–100 之间的数字，最多一位小数',
      ],
    ];
    for (const [row, field, message] of cases) {
      const res = await who.manager1.put(url, { version: 1, rows: [row] });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0]).toMatchObject({ field, message });
    }
    const notYet = await who.manager1.put(`/api/training/sessions/${ids.s3}/results`, {
      version: 1,
      rows: [{ userId: org.user.rep1, status: 'present', score: '90' }],
    });
    expect(notYet.statusCode).toBe(409);
    expect(await q(`select count(*)::int as n from training_attendance where status <> 'enrolled'`)).toEqual([
      { n: 0 },
    ]);
    const ok = await who.manager1.put(url, {
      version: 1,
      rows: [
        { userId: org.user.rep1, status: 'present', score: '90' },
        { userId: org.user.rep1b, status: 'absent' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'completed', version: 2 });
    const s2 = await who.manager1.put(`/api/training/sessions/${ids.s2}/results`, {
      version: 1,
      rows: [
        { userId: org.user.rep1, status: 'present', score: '75' },
        { userId: org.user.rep1b, status: 'present', score: '59' },
        { userId: org.user.teamRep, status: 'present', score: '70' },
      ],
    });
    expect(s2.json().attendance.map((a: { userName: string; passed: boolean }) => [a.userName, a.passed])).toEqual([
      ['孙七', true],
      ['张三', true],
      ['李四', false],
    ]);
    // A completed session's details no longer change; its results may be corrected.
    const edit = await who.manager1.put(`/api/training/sessions/${ids.s1}`, {
      ...session('x', '2027-05-10', []),
      version: 2,
    });
    expect(edit.statusCode).toBe(409);
  });

  it('a rep sees the plans they attend and their own rows only; another department sees nothing', async () => {
    const mine = (await who.rep1.get(`/api/training/sessions/${ids.s2}`)).json();
    expect(mine.attendance.map((a: { userName: string }) => a.userName)).toEqual(['张三']);
    expect(mine.canManage).toBe(false);
    expect((await who.rep1.get('/api/training/plans')).json().total).toBe(1);
    expect((await who.rep2.get('/api/training/plans')).json().total).toBe(0);
    expect((await who.rep2.get(`/api/training/sessions/${ids.s2}`)).statusCode).toBe(404);
    expect((await who.manager2.get(`/api/training/plans/${ids.plan}`)).statusCode).toBe(404);
    // The director (ALL) sees every row and may manage.
    const all = (await who.director.get(`/api/training/sessions/${ids.s2}`)).json();
    expect(all.attendance).toHaveLength(3);
    expect(all.canManage).toBe(true);
  });

  it('feedback: the trainee rates a session they attended; nobody else can, nor can the absent', async () => {
    const rows = await q('select id, user_id, session_id from training_attendance order by id');
    const rep1s1 = rows.find((r) => r.user_id === org.user.rep1 && Number(r.session_id) === ids.s1).id;
    const rep1bs1 = rows.find((r) => r.user_id === org.user.rep1b && Number(r.session_id) === ids.s1).id;
    const body = { rating: 5, comment: '案例贴近实际，收获很大', version: 2 };
    expect((await who.rep1b.put(`/api/training/attendance/${rep1s1}/feedback`, body)).statusCode).toBe(404);
    expect((await who.manager1.put(`/api/training/attendance/${rep1s1}/feedback`, body)).statusCode).toBe(404);
    expect((await who.rep1b.put(`/api/training/attendance/${rep1bs1}/feedback`, body)).statusCode).toBe(409);
    const ok = await who.rep1.put(`/api/training/attendance/${rep1s1}/feedback`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    const seen = (await who.manager1.get(`/api/training/sessions/${ids.s1}`)).json().attendance;
    expect(seen.find((a: { userId: number }) => a.userId === org.user.rep1)).toMatchObject({
      feedbackRating: 5,
      feedback: '案例贴近实际，收获很大',
    });
    expect(
      await q(`select action from audit_log where entity_type = 'training_attendance' and entity_id = $1`, [rep1s1]),
    ).toEqual([{ action: 'feedback' }]);
  });
});

describe('results per person and period (for the appraisal)', () => {
  it('computes attendance and scores with the records behind them', async () => {
    const res = await trainingResults(env.database.db, {
      userIds: [org.user.rep1, org.user.rep1b, org.user.rep2],
      from: '2027-04-01',
      to: '2027-06-30',
    });
    const [rep1, rep1b, rep2] = res;
    // rep1: 90 and 75, both present → 82.5, 100 %.
    expect(rep1).toMatchObject({
      sessions: 2,
      present: 2,
      absent: 0,
      attendanceRate: '100.0',
      assessed: 2,
      passed: 2,
      failed: 0,
      averageScore: '82.5',
    });
    expect(rep1.records.map((r) => [r.topic, r.day, r.score])).toEqual([
      ['异议处理', '2027-05-10', '90.0'],
      ['成交技巧实操', '2027-05-18', '75.0'],
    ]);
    // rep1b: absent once, 59 below the 70 mark once → 50 %, one failed.
    expect(rep1b).toMatchObject({
      sessions: 2,
      present: 1,
      absent: 1,
      attendanceRate: '50.0',
      failed: 1,
      averageScore: '59.0',
    });
    // rep2 had no session: a row of zeros, no rates.
    expect(rep2).toMatchObject({ sessions: 0, attendanceRate: null, averageScore: null, records: [] });
    // The period bounds are company dates: 2027-05-11 onwards leaves only the second session.
    const narrow = await trainingResults(env.database.db, {
      userIds: [org.user.rep1],
      from: '2027-05-11',
      to: '2027-05-18',
    });
    expect(narrow[0]).toMatchObject({ sessions: 1, averageScore: '75.0' });
  });

  it('the route applies the data scope', async () => {
    const mgr = (await who.manager1.get('/api/training/results?from=2027-04-01&to=2027-06-30')).json();
    expect(mgr.items.map((i: { name: string }) => i.name)).toEqual(['张三', '李四', '孙七']);
    expect((await who.rep1.get('/api/training/results')).json().items.map((i: { name: string }) => i.name)).toEqual([
      '张三',
    ]);
    expect((await who.manager2.get('/api/training/results')).json().items).toEqual([]);
    expect((await who.manager2.get(`/api/training/results?userId=${org.user.rep1}`)).statusCode).toBe(404);
  });
});
