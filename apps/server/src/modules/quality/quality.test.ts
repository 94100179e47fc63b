import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestEnv, type Org, PASSWORD, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { runCapaOverdueSweep } from './capa.sweep.ts';

/**
 * Quality records (SPEC 5.7; seed 000 ISO9001销售服务管理程序 3.2.1 文件控制, 3.2.3 审核控制): an internal
 * audit with findings, corrective/preventive actions tracked to closure (the owner implements,
 * someone else verifies; a failed verification reopens; the audit closes only when all are
 * closed), overdue actions flagged by the sweep on a controlled clock, and controlled documents
 * whose new versions supersede the old ones with the history and the holders' copies kept.
 */
let env: TestEnv;
let org: Org;
const who: Record<string, Client> = {};
const ids: Record<string, number> = {};
const q = async (text: string, values: unknown[] = []) => (await env.database.pool.query(text, values)).rows;
const USERS = ['qa1', 'qa2', 'manager1', 'manager2', 'rep1', 'rep1b', 'rep2'];
// Moving the clock ends the sessions (auth.sessionHours): sign everyone in again at the new time.
async function at(iso: string) {
  vi.setSystemTime(new Date(iso));
  for (const u of USERS) who[u] = await Client.login(env.app, u);
}

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T10:00:00+08:00'));
  who.admin = await Client.login(env.app, 'admin');
  for (const [username, name] of [
    ['qa1', '韩质检'],
    ['qa2', '林体系'],
  ]) {
    const r = await who.admin.post('/api/users', {
      username,
      name,
      deptId: org.dept.mgmt,
      roles: ['qa'],
      password: PASSWORD,
    });
    if (r.statusCode !== 201) throw new Error(r.body);
    ids[username] = r.json().id;
  }
  await at('2026-03-02T10:00:00+08:00');
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

const get = async (c: Client, url: string) => {
  const r = await c.get(url);
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return r.json();
};
const capaOf = async (id: number) => get(who.qa1, `/api/capas/${id}`);
const act = async (c: Client, id: number, step: string, body: object = {}) =>
  c.post(`/api/capas/${id}/${step}`, { version: (await capaOf(id)).version, ...body });

describe('internal audit and CAPA to closure', () => {
  it('plans an audit of the sales-service process and records its findings', async () => {
    const r = await who.qa1.post('/api/internal-audits', {
      title: '2026年第一季度销售服务过程内审',
      scope: '销售服务管理程序 3.1 销售服务流程；ISO 9001 8.2 产品和服务的要求',
      auditDate: '2026-03-02',
      auditedDeptId: org.dept.sales1,
      leadAuditorId: ids.qa1,
      auditors: '韩质检、林体系',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ status: 'planned', deptName: '销售一部', leadAuditorName: '韩质检' });
    expect(r.json().no).toMatch(/^NS-2026-\d{4}$/);
    ids.audit = r.json().id;
    const f1 = await who.qa1.post(`/api/internal-audits/${ids.audit}/findings`, {
      version: 1,
      clause: '3.1.1',
      description: '两份销售需求分析表未记录客户确认',
      severity: 'minor',
    });
    const f2 = await who.qa1.post(`/api/internal-audits/${ids.audit}/findings`, {
      version: 2,
      description: '报价评审记录保存分散，存在遗失风险',
      severity: 'observation',
    });
    expect(f2.json().findings.map((f: { seq: number }) => f.seq)).toEqual([1, 2]);
    ids.f1 = f1.json().findings[0].id;
    ids.f2 = f2.json().findings[1].id;
    // Someone without quality.manage records nothing, and another department never sees it.
    expect(
      (
        await who.manager1.post(`/api/internal-audits/${ids.audit}/findings`, {
          version: 3,
          description: 'x',
          severity: 'minor',
        })
      ).statusCode,
    ).toBe(403);
    expect((await who.manager1.get(`/api/internal-audits/${ids.audit}`)).statusCode).toBe(200);
    expect((await who.manager2.get(`/api/internal-audits/${ids.audit}`)).statusCode).toBe(404);
  });

  it('raises corrective and preventive actions with owners and due dates', async () => {
    const raise = (body: object) => who.qa1.post(`/api/internal-audits/${ids.audit}/capas`, body);
    const past = await raise({
      findingId: ids.f1,
      kind: 'corrective',
      action: 'x',
      ownerId: org.user.rep1,
      dueDate: '2026-03-01',
    });
    expect(past.json().fields[0]).toMatchObject({ field: 'dueDate' });
    const c1 = await raise({
      findingId: ids.f1,
      kind: 'corrective',
      rootCause: '未执行客户确认步骤',
      action: '补录客户确认，并在需求分析表增加确认签字栏',
      ownerId: org.user.rep1,
      dueDate: '2026-03-10',
    });
    expect(c1.statusCode).toBe(201);
    ids.c1 = c1.json().capaId;
    ids.c2 = (
      await raise({
        findingId: ids.f2,
        kind: 'preventive',
        action: '报价评审记录统一归档到系统',
        ownerId: org.user.manager1,
        dueDate: '2026-03-20',
      })
    ).json().capaId;
    const c = await capaOf(ids.c1);
    expect(c).toMatchObject({ status: 'open', ownerName: '张三', findingSeq: 1, overdue: false });
    expect(c.no).toMatch(/^CAPA-2026-\d{4}$/);
    // The owner was told.
    expect(
      (
        await q("select count(*)::int as n from notifications where user_id = $1 and kind = 'capa.assigned'", [
          org.user.rep1,
        ])
      )[0].n,
    ).toBe(1);
  });

  it('closes an action only through its owner’s implementation and someone else’s verification', async () => {
    // Not implemented yet: nothing to verify.
    expect((await act(who.qa1, ids.c1, 'verify', { note: '有效' })).statusCode).toBe(409);
    // The owner's manager sees it but only the owner (or the quality department) implements it.
    expect((await act(who.manager1, ids.c1, 'implement', { note: '代填' })).statusCode).toBe(403);
    // Another rep does not see it at all.
    expect((await act(who.rep1b, ids.c1, 'implement', { note: 'x' })).statusCode).toBe(404);
    const done = await act(who.rep1, ids.c1, 'implement', { note: '已补录 2 份客户确认，表单增加签字栏（附件）' });
    expect(done.json()).toMatchObject({ status: 'implemented', canImplement: false });
    // The owner cannot verify (no quality.manage); the quality department sends it back once.
    expect((await act(who.rep1, ids.c1, 'verify', { note: '有效' })).statusCode).toBe(403);
    const back = await act(who.qa1, ids.c1, 'reject', { note: '签字栏未纳入受控表单' });
    expect(back.json()).toMatchObject({ status: 'open', implementedAt: null });
    await act(who.rep1, ids.c1, 'implement', { note: '表单已换版为受控表单 B/1' });
    // A verification needs its note (field error, nothing changed); then it closes.
    const noNote = await act(who.qa1, ids.c1, 'verify', { note: ' ' });
    expect(noNote.statusCode).toBe(400);
    expect((await capaOf(ids.c1)).status).toBe('implemented');
    const closed = await act(who.qa1, ids.c1, 'verify', { note: '抽查 5 份，均有客户确认，措施有效' });
    expect(closed.json()).toMatchObject({ status: 'closed', verifierName: '韩质检', canVerify: false });
    // Closed is final.
    expect((await act(who.qa1, ids.c1, 'reject', { note: 'x' })).statusCode).toBe(409);
    const actions = closed.json().history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['verify', 'implement', 'reject', 'implement', 'create']);
  });

  it('never lets the owner verify their own action, not even in the database', async () => {
    const r = await who.qa1.post(`/api/internal-audits/${ids.audit}/capas`, {
      findingId: ids.f2,
      kind: 'preventive',
      action: '内审员每季度抽查报价评审记录',
      ownerId: ids.qa1,
      dueDate: '2026-03-31',
    });
    const id = r.json().capaId;
    await act(who.qa1, id, 'implement', { note: '已纳入内审计划' });
    expect((await act(who.qa1, id, 'verify', { note: '有效' })).statusCode).toBe(403);
    await expect(
      q(
        `update capas set status = 'closed', verifier_id = owner_id, verification_note = 'x', closed_at = now() where id = $1`,
        [id],
      ),
    ).rejects.toThrow(/capas_closed_ck/);
    expect((await act(who.qa2, id, 'verify', { note: '计划已执行，有效' })).json().status).toBe('closed');
  });

  it('closes the audit after its report, and only when every action is closed', async () => {
    expect(
      (
        await who.qa1.post(`/api/internal-audits/${ids.audit}/close`, {
          version: (await get(who.qa1, `/api/internal-audits/${ids.audit}`)).version,
        })
      ).statusCode,
    ).toBe(409);
    const a = await get(who.qa1, `/api/internal-audits/${ids.audit}`);
    const rep = await who.qa1.post(`/api/internal-audits/${ids.audit}/report`, {
      version: a.version,
      conclusion: '销售服务过程基本符合要求，一般不符合 1 项，观察项 1 项',
    });
    expect(rep.json()).toMatchObject({ status: 'reported', openCapas: 1 });
    const refused = await who.qa1.post(`/api/internal-audits/${ids.audit}/close`, { version: rep.json().version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('1');
    expect((await get(who.qa1, `/api/internal-audits/${ids.audit}`)).status).toBe('reported');
  });
});

describe('overdue actions (controlled clock)', () => {
  const sweepAt = (iso: string) => runCapaOverdueSweep(env.database.db, new Date(iso));
  const overdueTasks = () =>
    q("select user_id, ref_id, due_date::text, status from tasks where kind = 'capa.overdue' order by id");

  it('flags an action past its due date once per due date, to its owner, and never a closed one', async () => {
    // c2 (manager1) is due 03-20: on the due date itself it is not overdue.
    expect(await sweepAt('2026-03-20T23:00:00+08:00')).toEqual({ changed: 0 });
    expect(await overdueTasks()).toEqual([]);
    expect(await sweepAt('2026-03-21T00:30:00+08:00')).toEqual({ changed: 1 });
    expect(await sweepAt('2026-03-21T09:00:00+08:00')).toEqual({ changed: 0 });
    expect(await overdueTasks()).toEqual([
      { user_id: org.user.manager1, ref_id: ids.c2, due_date: '2026-03-21', status: 'open' },
    ]);
    // c1 was due 03-10 but is closed: never flagged. The list flags c2 for its owner.
    await at('2026-03-21T10:00:00+08:00');
    const list = await get(who.manager1, '/api/capas?overdue=true');
    expect(list.items.map((i: { id: number; overdue: boolean }) => [i.id, i.overdue])).toEqual([[ids.c2, true]]);
    expect((await capaOf(ids.c1)).overdue).toBe(false);
  });

  it('a new due date cancels the to-do of the old one; when that passes too, a new to-do', async () => {
    const moved = await act(who.qa1, ids.c2, 'due', { dueDate: '2026-03-31', reason: '归档系统上线推迟一周' });
    expect(moved.json()).toMatchObject({ dueDate: '2026-03-31', overdue: false });
    expect((await overdueTasks()).map((t: { status: string }) => t.status)).toEqual(['cancelled']);
    expect(await sweepAt('2026-03-31T12:00:00+08:00')).toEqual({ changed: 0 });
    expect(await sweepAt('2026-04-01T08:00:00+08:00')).toEqual({ changed: 1 });
    expect((await overdueTasks()).map((t: { due_date: string; status: string }) => [t.due_date, t.status])).toEqual([
      ['2026-03-21', 'cancelled'],
      ['2026-04-01', 'open'],
    ]);
    // Closing it meets the to-do, and the audit can close.
    await act(who.manager1, ids.c2, 'implement', { note: '报价评审记录已全部进入系统归档' });
    await act(who.qa1, ids.c2, 'verify', { note: '抽查有效' });
    expect((await overdueTasks()).at(-1).status).toBe('done');
    const a = await get(who.qa1, `/api/internal-audits/${ids.audit}`);
    const closed = await who.qa1.post(`/api/internal-audits/${ids.audit}/close`, { version: a.version });
    expect(closed.json()).toMatchObject({ status: 'closed', openCapas: 0 });
  });

  it('keeps CAPA in scope: the owner sees their own, another department gets 404', async () => {
    const mine = await get(who.rep1, '/api/capas');
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([ids.c1]);
    expect((await who.manager2.get(`/api/capas/${ids.c1}`)).statusCode).toBe(404);
    expect((await get(who.manager2, '/api/capas')).items).toEqual([]);
  });
});

describe('controlled documents', () => {
  const doc = {
    code: 'XK-ZC7.2-2016',
    title: '销售服务控制程序',
    kind: 'procedure',
    label: '2016-E',
    effectiveDate: '2016-03-20',
  };

  it('registers a document and distributes copies of its current version', async () => {
    const r = await who.qa1.post('/api/controlled-documents', { ...doc, ownerDeptId: org.dept.mgmt });
    expect(r.statusCode).toBe(201);
    ids.doc = r.json().id;
    expect(r.json()).toMatchObject({ currentLabel: '2016-E', versions: [{ label: '2016-E', changeNo: 0 }] });
    const dup = await who.qa1.post('/api/controlled-documents', { ...doc, title: '重复', ownerDeptId: org.dept.mgmt });
    expect(dup.json().fields[0]).toMatchObject({ field: 'code' });
    const d = await who.qa1.post(`/api/controlled-documents/${ids.doc}/distributions`, {
      holderIds: [org.user.rep1, org.user.rep1b],
    });
    expect(
      d
        .json()
        .copies.map((c: { copyNo: string }) => c.copyNo)
        .sort(),
    ).toEqual(['XK-ZC7.2-2016-001', 'XK-ZC7.2-2016-002']);
    const again = await who.qa1.post(`/api/controlled-documents/${ids.doc}/distributions`, {
      holderIds: [org.user.rep1],
    });
    expect(again.json().fields[0]).toMatchObject({ field: 'holderIds' });
    expect(again.json().fields[0].message).toContain('张三');
    // Everyone reads the list; only the quality department changes it.
    expect((await who.rep2.get('/api/controlled-documents')).statusCode).toBe(200);
    expect(
      (await who.rep2.post('/api/controlled-documents', { ...doc, code: 'X-1', ownerDeptId: org.dept.mgmt }))
        .statusCode,
    ).toBe(403);
  });

  it('a new version supersedes the current one, keeps the history, and replaces the holders’ copies', async () => {
    const v = () => get(who.qa1, `/api/controlled-documents/${ids.doc}`);
    const issue = async (body: object) =>
      who.qa1.post(`/api/controlled-documents/${ids.doc}/versions`, { version: (await v()).version, ...body });
    expect(
      (await issue({ label: '2016-E', effectiveDate: '2026-03-01', changeSummary: 'x' })).json().fields[0].field,
    ).toBe('label');
    expect(
      (await issue({ label: '2026-A', effectiveDate: '2016-03-19', changeSummary: 'x' })).json().fields[0].field,
    ).toBe('effectiveDate');
    const r = await issue({ label: '2026-A', effectiveDate: '2026-03-01', changeSummary: '增加客户确认签字要求' });
    expect(r.statusCode).toBe(200);
    const after = r.json();
    expect(after.currentLabel).toBe('2026-A');
    expect(
      after.versions.map((x: { label: string; changeNo: number; status: string }) => [x.label, x.changeNo, x.status]),
    ).toEqual([
      ['2026-A', 1, 'current'],
      ['2016-E', 0, 'superseded'],
    ]);
    // The old copies are withdrawn (replaced), the holders hold the new version.
    const held = after.copies.filter((c: { withdrawnAt: string | null }) => c.withdrawnAt === null);
    expect(
      held
        .map((c: { holderName: string; versionLabel: string; copyNo: string }) => [c.holderName, c.versionLabel])
        .sort(),
    ).toEqual([
      ['张三', '2026-A'],
      ['李四', '2026-A'],
    ]);
    const old = after.copies.filter((c: { withdrawnAt: string | null }) => c.withdrawnAt !== null);
    expect(old.map((c: { copyNo: string; replaced: boolean }) => [c.copyNo, c.replaced]).sort()).toEqual([
      ['XK-ZC7.2-2016-001', true],
      ['XK-ZC7.2-2016-002', true],
    ]);
    // Without reissue, copies of the superseded version stay out and the list says so.
    await issue({ label: '2026-B', effectiveDate: '2026-03-02', changeSummary: '修订术语', reissue: false });
    const list = await get(who.rep1, '/api/controlled-documents?heldByMe=true');
    expect(list.items).toEqual([
      expect.objectContaining({
        code: 'XK-ZC7.2-2016',
        currentLabel: '2026-B',
        changeNo: 2,
        copies: 0,
        outdatedCopies: 2,
      }),
    ]);
    // One current version per document, whatever writes it.
    await expect(
      q(
        `insert into document_versions (document_id, label, change_no, effective_date, issued_by)
         values ($1, 'X', 9, '2026-03-02', $2)`,
        [ids.doc, ids.qa1],
      ),
    ).rejects.toThrow(/document_versions_current_uq/);
  });

  it('withdraws a copy once', async () => {
    const d = await get(who.qa1, `/api/controlled-documents/${ids.doc}`);
    const copy = d.copies.find((c: { withdrawnAt: string | null }) => c.withdrawnAt === null);
    expect(
      (await who.qa1.post(`/api/document-distributions/${copy.id}/withdraw`, { reason: '离职回收' })).statusCode,
    ).toBe(200);
    expect((await who.qa1.post(`/api/document-distributions/${copy.id}/withdraw`, {})).statusCode).toBe(409);
    const after = await get(who.qa1, `/api/controlled-documents/${ids.doc}`);
    expect(after.copies.find((c: { id: number }) => c.id === copy.id)).toMatchObject({
      withdrawReason: '离职回收',
      replaced: false,
    });
    expect(after.history.map((h: { action: string }) => h.action).slice(0, 2)).toEqual(['withdraw', 'version']);
  });
});
