import { Client, PASSWORD, type TestEnv } from '../harness.ts';
import type { ScopeFixtureFile } from './types.ts';

const AUDIT = '扫描内审';
const ACTION = '扫描纠正措施';

/** Creates a user with the default 质检员 role (质管部: audits, CAPA, documents) and signs them in. */
export async function qualityClient(env: TestEnv, deptId: number, username: string) {
  const admin = await Client.login(env.app, 'admin');
  const r = await admin.post('/api/users', {
    username,
    name: `质管${username}`,
    deptId,
    roles: ['qa'],
    password: PASSWORD,
  });
  if (r.statusCode !== 201) throw new Error(`qa user: ${r.statusCode} ${r.body}`);
  return { id: r.json().id as number, client: await Client.login(env.app, username) };
}

/**
 * An internal audit of 销售一部 (seen by manager1, head of the audited department) with a finding and a
 * corrective action owned by rep1: manager2 (销售二部) sees neither; rep2 sees no audit at all and
 * only the actions they own.
 */
export const qualityFixtures: ScopeFixtureFile = {
  async setup({ env, org, fixture }) {
    const qa = await qualityClient(env, org.dept.mgmt, 'scanqa');
    const a = await qa.client.post('/api/internal-audits', {
      title: AUDIT,
      scope: '销售服务过程',
      auditDate: '2041-01-02',
      auditedDeptId: org.dept.sales1,
      leadAuditorId: qa.id,
    });
    if (a.statusCode !== 201) throw new Error(`audit fixture: ${a.statusCode} ${a.body}`);
    fixture.internal_audit = a.json().id;
    const f = await qa.client.post(`/api/internal-audits/${fixture.internal_audit}/findings`, {
      version: 1,
      description: '扫描不符合项',
      severity: 'minor',
    });
    const c = await qa.client.post(`/api/internal-audits/${fixture.internal_audit}/capas`, {
      findingId: f.json().findings[0].id,
      kind: 'corrective',
      action: ACTION,
      ownerId: org.user.rep1,
      dueDate: '2041-01-31',
    });
    if (c.statusCode !== 201) throw new Error(`capa fixture: ${c.statusCode} ${c.body}`);
    fixture.capa = c.json().capaId;
  },
  bodies: {
    'PUT /api/internal-audits/:id': (version) => ({
      title: '越权',
      scope: '越权',
      auditDate: '2041-01-02',
      auditedDeptId: 1,
      leadAuditorId: 1,
      version,
    }),
    'POST /api/internal-audits/:id/findings': (version) => ({ version, description: '越权', severity: 'minor' }),
    'POST /api/internal-audits/:id/capas': () => ({
      findingId: 1,
      kind: 'corrective',
      action: '越权',
      ownerId: 1,
      dueDate: '2041-01-31',
    }),
    'POST /api/internal-audits/:id/report': (version) => ({ version, conclusion: '越权' }),
    'POST /api/internal-audits/:id/close': (version) => ({ version }),
    'POST /api/capas/:id/implement': (version) => ({ version, note: '越权' }),
    'POST /api/capas/:id/verify': (version) => ({ version, note: '越权' }),
    'POST /api/capas/:id/reject': (version) => ({ version, note: '越权' }),
    'POST /api/capas/:id/due': (version) => ({ version, dueDate: '2041-02-28', reason: '越权' }),
  },
  insiders: { internal_audit: 'approver' },
  markers: { internal_audit: AUDIT, capa: ACTION },
};
