import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { setPolicy } from '../quotes/quotes.test-helpers.ts';
import { runTrainingSweep } from './training.sweep.ts';

/**
 * Staff records and the training sweep under a controlled clock (SPEC 5.4): certificates are
 * reminded training.certificateReminderDays before expiry, once per expiry date; a quarter without
 * in-service training (seed 003: 每季度至少一次) is flagged per person once it is over; an
 * onboarding past training.onboardingDays is flagged to the manager; the compliance list names
 * what is missing or expired.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const USERS = ['admin', 'director', 'manager1', 'rep1', 'rep1b', 'rep2'];
const at = (iso: string) => {
  vi.setSystemTime(new Date(iso));
  return new Date(iso);
};
/** Moves the clock and signs everyone in again (a session lasts auth.sessionHours of that clock). */
const moveTo = async (iso: string) => {
  at(iso);
  for (const u of USERS) who[u] = await Client.login(env.app, u);
};
const sweep = (iso: string) => runTrainingSweep(env.database.db, at(iso));
const tasks = (kind: string) =>
  q(`select user_id, params, due_date::text as due, dedupe_key from tasks where kind = $1 order by id`, [kind]);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  await moveTo('2027-05-20T10:00:00+08:00');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('staff records', () => {
  it('the manager records certificates and the signed confidentiality agreement with its scan', async () => {
    const bad = await who.manager1.post(`/api/training/staff/${org.user.rep1}/certificates`, {
      name: '医疗器械销售资格证',
      number: 'YL-2025-0001',
      issuedOn: '2025-07-01',
      expiresOn: '2025-06-30',
    });
    expect(bad.json().fields[0]).toMatchObject({ field: 'expiresOn', message: '到期日期不能早于发证日期' });
    const cert = await who.manager1.post(`/api/training/staff/${org.user.rep1}/certificates`, {
      name: '医疗器械销售资格证',
      number: 'YL-2025-0001',
      issuedOn: '2025-07-01',
      expiresOn: '2027-07-01',
    });
    expect(cert.statusCode, cert.body).toBe(201);
    ids.cert = cert.json().id;
    // Another department's manager may not: 404 like an unknown person.
    expect(
      (
        await who.rep2.post(`/api/training/staff/${org.user.rep1}/certificates`, {
          name: 'x',
          number: '1',
          issuedOn: '2025-01-01',
        })
      ).statusCode,
    ).toBe(404);
    const agreement = await who.manager1.put(`/api/training/staff/${org.user.rep1}/agreement`, {
      signedOn: '2026-12-01',
      file: { fileName: '保密协议-张三.png', mimeType: 'image/png', contentBase64: PNG },
      version: 1,
    });
    expect(agreement.statusCode, agreement.body).toBe(200);
    expect(agreement.json()).toMatchObject({ agreementSignedOn: '2026-12-01', validCertificates: 1, canManage: true });
    const file = agreement.json().agreementFiles[0];
    expect(file).toMatchObject({ fileName: '保密协议-张三.png', purpose: 'confidentiality' });
    // The scan is seen by those who see the record: the person themself, not another department.
    expect((await who.rep1.get(`/api/attachments/${file.id}`)).statusCode).toBe(200);
    expect((await who.rep2.get(`/api/attachments/${file.id}`)).statusCode).toBe(404);
    // A rep reads their own record but cannot change it.
    const own = await who.rep1.get(`/api/training/staff/${org.user.rep1}`);
    expect(own.json()).toMatchObject({
      isSelf: true,
      canManage: false,
      certificates: [{ number: 'YL-2025-0001', state: 'valid' }],
    });
    expect(
      (await who.rep1.put(`/api/training/staff/${org.user.rep1}/agreement`, { signedOn: '2026-12-01', version: 2 }))
        .statusCode,
    ).toBe(403);
  });

  it('lists what is missing or expired for the people in scope', async () => {
    const list = (await who.manager1.get('/api/training/compliance')).json().items as {
      name: string;
      issues: { code: string }[];
    }[];
    const codes = Object.fromEntries(list.map((i) => [i.name, i.issues.map((x) => x.code)]));
    // 张三 has both; 李四 and 孙七 neither; the manager and supervisor take part in training too.
    expect(codes['张三']).toBeUndefined();
    expect(codes['李四']).toEqual(['agreement_missing', 'certificate_missing']);
    expect(Object.keys(codes).sort()).toEqual(['孙七', '李四', '李经理', '钱主管'].sort());
    expect((await who.rep2.get('/api/training/compliance')).json().items.map((i: { name: string }) => i.name)).toEqual([
      '王五',
    ]);
  });
});

describe('certificate expiry reminders (training.certificateReminderDays, controlled clock)', () => {
  it('nothing before the window; one task and notices when it opens; never twice', async () => {
    expect((await sweep('2027-05-31T08:00:00+08:00')).changed).toBe(0);
    expect(await tasks('training.certificate')).toEqual([]);
    await sweep('2027-06-01T08:00:00+08:00');
    expect(await tasks('training.certificate')).toEqual([
      {
        user_id: org.user.rep1,
        params: { name: '医疗器械销售资格证', number: 'YL-2025-0001', date: '2027-07-01' },
        due: '2027-07-01',
        dedupe_key: `training-cert:${ids.cert}:2027-07-01`,
      },
    ]);
    const notices = await q(`select user_id from notifications where kind = 'training.certificate' order by user_id`);
    expect(notices.map((n) => n.user_id)).toEqual([org.user.supervisor1, org.user.rep1].sort((a, b) => a - b));
    await sweep('2027-06-02T08:00:00+08:00');
    expect(await tasks('training.certificate')).toHaveLength(1);
    expect(await q(`select count(*)::int as n from notifications where kind = 'training.certificate'`)).toEqual([
      { n: 2 },
    ]);
    await moveTo('2027-06-02T09:00:00+08:00');
    const text = (await who.rep1.get('/api/tasks?bucket=upcoming')).json().items[0].title;
    expect(text).toBe('资格证书即将到期：医疗器械销售资格证（YL-2025-0001）将于 2027-07-01 到期，请及时复审或换证');
  });

  it('the list shows it expiring, then expired; a renewal is reminded again before its new date', async () => {
    await moveTo('2027-06-10T10:00:00+08:00');
    const soon = (await who.manager1.get('/api/training/compliance')).json().items;
    expect(soon.find((i: { name: string }) => i.name === '张三').issues).toEqual([
      { code: 'certificate_expiring', certificate: '医疗器械销售资格证（YL-2025-0001）', date: '2027-07-01' },
    ]);
    await moveTo('2027-07-02T10:00:00+08:00');
    const gone = (await who.manager1.get('/api/training/compliance')).json().items;
    expect(gone.find((i: { name: string }) => i.name === '张三').issues[0]).toMatchObject({
      code: 'certificate_expired',
    });
    const renew = await who.manager1.put(`/api/training/certificates/${ids.cert}`, {
      name: '医疗器械销售资格证',
      number: 'YL-2027-0001',
      issuedOn: '2027-07-02',
      expiresOn: '2029-07-01',
      version: 1,
    });
    expect(renew.statusCode, renew.body).toBe(200);
    await sweep('2027-07-03T08:00:00+08:00');
    expect(await tasks('training.certificate')).toHaveLength(1);
    // A shorter reminder window (policy) is honoured: 10 days before the new expiry.
    await moveTo('2027-07-03T09:00:00+08:00');
    await setPolicy(who.admin, 'training.certificateReminderDays', 10);
    await sweep('2029-06-20T08:00:00+08:00');
    expect(await tasks('training.certificate')).toHaveLength(1);
    await sweep('2029-06-21T08:00:00+08:00');
    expect((await tasks('training.certificate')).map((t) => t.dedupe_key)).toEqual([
      `training-cert:${ids.cert}:2027-07-01`,
      `training-cert:${ids.cert}:2029-07-01`,
    ]);
  });
});

describe('a quarter without in-service training is flagged per person', () => {
  it('lists the quarter; once it is over, the sweep gives each untrained person’s manager a task', async () => {
    // Before any training plan exists, no quarter is swept (installing the module flags nothing).
    expect((await sweep('2027-04-02T08:00:00+08:00')).changed).toBe(0);
    await moveTo('2027-05-20T10:00:00+08:00');
    const plan = await who.manager1.post('/api/training/plans', {
      title: '第二季度在职培训',
      kind: 'in_service',
      goals: '新产品知识',
      content: '新品参数与卖点',
      method: 'internal',
      trainer: '产品部 王工',
      startsOn: '2027-04-01',
      endsOn: '2027-06-30',
    });
    const s = await who.manager1.post(`/api/training/plans/${plan.json().id}/sessions`, {
      topic: '新品知识培训',
      startsAt: '2027-05-12T09:00:00+08:00',
      endsAt: '2027-05-12T11:00:00+08:00',
      participantIds: [org.user.rep1, org.user.rep1b],
    });
    await who.manager1.put(`/api/training/sessions/${s.json().id}/results`, {
      version: 1,
      rows: [
        { userId: org.user.rep1, status: 'present', score: '88' },
        { userId: org.user.rep1b, status: 'absent' },
      ],
    });
    const report = (await who.manager1.get('/api/training/quarters')).json();
    expect(report).toMatchObject({ quarter: '2027Q2', from: '2027-04-01', to: '2027-06-30', ended: false });
    const flags = Object.fromEntries(report.items.map((i: { name: string; flagged: boolean }) => [i.name, i.flagged]));
    expect(flags).toEqual({ 李经理: true, 钱主管: true, 张三: false, 李四: true, 孙七: true });
    // In the quarter itself nothing is raised yet.
    await sweep('2027-06-15T08:00:00+08:00');
    expect(await tasks('training.quarter')).toEqual([]);
    await sweep('2027-07-01T08:00:00+08:00');
    const raised = await tasks('training.quarter');
    // 李四 and 孙七 report to 钱主管, 钱主管 to 李经理, 李经理 to 赵总监; 销售二部's 周经理 and 王五 too.
    const byPerson = Object.fromEntries(raised.map((t) => [t.params.name, t.user_id]));
    expect(byPerson).toEqual({
      李经理: org.user.director,
      钱主管: org.user.manager1,
      李四: org.user.supervisor1,
      孙七: org.user.supervisor1,
      周经理: org.user.director,
      王五: org.user.manager2,
    });
    expect(raised[0]).toMatchObject({ due: '2027-07-15' });
    expect(
      await q(`select count(*)::int as n from notifications where kind = 'training.quarter' and user_id = $1`, [
        org.user.rep1b,
      ]),
    ).toEqual([{ n: 1 }]);
    await sweep('2027-07-02T08:00:00+08:00');
    expect(await tasks('training.quarter')).toHaveLength(6);
  });
});

describe('an overdue onboarding is flagged to the manager', () => {
  it('after training.onboardingDays without a pass', async () => {
    await moveTo('2027-08-01T10:00:00+08:00');
    await who.manager1.post(`/api/training/staff/${org.user.teamRep}/onboarding`, {});
    await sweep('2027-08-08T08:00:00+08:00');
    expect(await tasks('training.onboarding')).toEqual([]);
    await sweep('2027-08-09T08:00:00+08:00');
    await moveTo('2027-08-09T09:00:00+08:00');
    expect(await tasks('training.onboarding')).toEqual([
      {
        user_id: org.user.supervisor1,
        params: { name: '孙七', date: '2027-08-08' },
        due: '2027-08-09',
        dedupe_key: `training-onboarding:${org.user.teamRep}:2027-08-08`,
      },
    ]);
    const issues = (await who.manager1.get('/api/training/compliance'))
      .json()
      .items.find((i: { name: string }) => i.name === '孙七').issues;
    expect(issues[0]).toEqual({ code: 'onboarding_overdue', date: '2027-08-08' });
  });
});
