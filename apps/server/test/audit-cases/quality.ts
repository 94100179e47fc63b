import type { Client } from '../harness.ts';
import { qualityClient } from '../scope-fixtures/quality.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of quality records: audits and findings, CAPA to closure, controlled documents and copies. */
export function qualityCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  let qa: Client;
  const auditVersion = async () => (await qa.get(`/api/internal-audits/${ids.qualityAudit}`)).json().version;
  const capaVersion = async () => (await qa.get(`/api/capas/${ids.qualityCapa}`)).json().version;
  const docVersion = async () => (await qa.get(`/api/controlled-documents/${ids.qualityDoc}`)).json().version;
  const audit = (title: string) => ({
    title,
    scope: '销售服务过程',
    auditDate: '2041-03-02',
    auditedDeptId: org.dept.sales1,
    leadAuditorId: ids.qualityQa,
  });
  const doc = (title: string) => ({ code: 'AUD-QP-01', title, kind: 'procedure', ownerDeptId: org.dept.mgmt });
  return {
    'POST /api/internal-audits': {
      entity: 'internal_audit',
      action: 'create',
      run: async () => {
        const u = await qualityClient(env, org.dept.mgmt, 'auditqa');
        qa = u.client;
        ids.qualityQa = u.id;
        const r = await qa.post('/api/internal-audits', audit('审计内审'));
        ids.qualityAudit = r.json().id;
        return r;
      },
    },
    'PUT /api/internal-audits/:id': {
      entity: 'internal_audit',
      action: 'update',
      run: async () =>
        qa.put(`/api/internal-audits/${ids.qualityAudit}`, {
          ...audit('审计内审（改）'),
          version: await auditVersion(),
        }),
    },
    'POST /api/internal-audits/:id/findings': {
      entity: 'internal_audit',
      action: 'finding',
      run: async () => {
        const r = await qa.post(`/api/internal-audits/${ids.qualityAudit}/findings`, {
          version: await auditVersion(),
          description: '审计不符合项',
          severity: 'minor',
        });
        ids.qualityFinding = r.json().findings[0].id;
        return r;
      },
    },
    'POST /api/internal-audits/:id/capas': {
      entity: 'capa',
      action: 'create',
      run: async () => {
        const r = await qa.post(`/api/internal-audits/${ids.qualityAudit}/capas`, {
          findingId: ids.qualityFinding,
          kind: 'corrective',
          action: '审计纠正措施',
          ownerId: org.user.rep1,
          dueDate: '2041-03-31',
        });
        ids.qualityCapa = r.json().capaId;
        return r;
      },
    },
    'POST /api/internal-audits/:id/report': {
      entity: 'internal_audit',
      action: 'report',
      run: async () =>
        qa.post(`/api/internal-audits/${ids.qualityAudit}/report`, {
          version: await auditVersion(),
          conclusion: '审计结论',
        }),
    },
    'POST /api/capas/:id/implement': {
      entity: 'capa',
      action: 'implement',
      run: async () =>
        rep.post(`/api/capas/${ids.qualityCapa}/implement`, { version: await capaVersion(), note: '已实施' }),
    },
    'POST /api/capas/:id/reject': {
      entity: 'capa',
      action: 'reject',
      run: async () =>
        qa.post(`/api/capas/${ids.qualityCapa}/reject`, { version: await capaVersion(), note: '未见效' }),
    },
    'POST /api/capas/:id/due': {
      entity: 'capa',
      action: 'due',
      run: async () =>
        qa.post(`/api/capas/${ids.qualityCapa}/due`, {
          version: await capaVersion(),
          dueDate: '2041-04-30',
          reason: '延期',
        }),
    },
    'POST /api/capas/:id/verify': {
      entity: 'capa',
      action: 'verify',
      run: async () => {
        await rep.post(`/api/capas/${ids.qualityCapa}/implement`, { version: await capaVersion(), note: '重新实施' });
        return qa.post(`/api/capas/${ids.qualityCapa}/verify`, { version: await capaVersion(), note: '有效' });
      },
    },
    'POST /api/internal-audits/:id/close': {
      entity: 'internal_audit',
      action: 'close',
      run: async () => qa.post(`/api/internal-audits/${ids.qualityAudit}/close`, { version: await auditVersion() }),
    },
    'POST /api/controlled-documents': {
      entity: 'controlled_document',
      action: 'create',
      run: async () => {
        const r = await qa.post('/api/controlled-documents', {
          ...doc('审计程序文件'),
          label: 'A/0',
          effectiveDate: '2041-01-01',
        });
        ids.qualityDoc = r.json().id;
        return r;
      },
    },
    'PUT /api/controlled-documents/:id': {
      entity: 'controlled_document',
      action: 'update',
      run: async () =>
        qa.put(`/api/controlled-documents/${ids.qualityDoc}`, {
          ...doc('审计程序文件（改）'),
          version: await docVersion(),
        }),
    },
    'POST /api/controlled-documents/:id/distributions': {
      entity: 'controlled_document',
      action: 'distribute',
      run: async () =>
        qa.post(`/api/controlled-documents/${ids.qualityDoc}/distributions`, { holderIds: [org.user.rep1] }),
    },
    'POST /api/controlled-documents/:id/versions': {
      entity: 'controlled_document',
      action: 'version',
      run: async () =>
        qa.post(`/api/controlled-documents/${ids.qualityDoc}/versions`, {
          version: await docVersion(),
          label: 'A/1',
          effectiveDate: '2041-02-01',
          changeSummary: '审计换版',
        }),
    },
    'POST /api/document-distributions/:id/withdraw': {
      entity: 'controlled_document',
      action: 'withdraw',
      run: async () => {
        const d = (await qa.get(`/api/controlled-documents/${ids.qualityDoc}`)).json();
        const held = d.copies.find((c: { withdrawnAt: string | null }) => c.withdrawnAt === null);
        return qa.post(`/api/document-distributions/${held.id}/withdraw`, { reason: '审计回收' });
      },
    },
  };
}
