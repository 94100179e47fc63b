import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of pre-sale inquiries and requests (SPEC 2.9). */
export function inquiryCases(ctx: AuditContext): AuditCases {
  const { rep, ids } = ctx;
  const record = async (company: string) => {
    const r = await rep.post('/api/inquiries', {
      channel: 'visit',
      contactName: '审计访客',
      company,
      question: '报价？',
    });
    return r.json().id as number;
  };
  return {
    'POST /api/inquiries': {
      entity: 'inquiry',
      action: 'create',
      run: async () => {
        const r = await rep.post('/api/inquiries', {
          channel: 'online',
          contactName: '审计客户',
          question: '有现货吗？',
        });
        ids.inquiry = r.json().id;
        return r;
      },
    },
    'POST /api/inquiries/:id/answer': {
      entity: 'inquiry',
      action: 'answer',
      run: async () => rep.post(`/api/inquiries/${ids.inquiry}/answer`, { answer: '有现货', version: 1 }),
    },
    'POST /api/inquiries/:id/presale-requests': {
      entity: 'presale_request',
      action: 'create',
      run: async () => {
        const r = await rep.post(`/api/inquiries/${ids.inquiry}/presale-requests`, {
          kind: 'technical',
          detail: '技术参数说明',
        });
        ids.presale = r.json().id;
        return r;
      },
    },
    'POST /api/presale-requests/:id/actions': {
      entity: 'presale_request',
      action: 'fulfil',
      run: async () => rep.post(`/api/presale-requests/${ids.presale}/actions`, { action: 'fulfil', version: 1 }),
    },
    'POST /api/inquiries/:id/convert-customer': {
      entity: 'inquiry',
      action: 'convert_customer',
      run: async () =>
        rep.post(`/api/inquiries/${await record('审计咨询转客户有限公司')}/convert-customer`, { version: 1 }),
    },
    'POST /api/inquiries/:id/convert-opportunity': {
      entity: 'inquiry',
      action: 'convert_opportunity',
      run: async () => {
        const pipelineId = (await rep.get('/api/pipelines')).json().items[0].id;
        const id = await record('审计咨询转商机有限公司');
        return rep.post(`/api/inquiries/${id}/convert-opportunity`, { version: 1, name: '审计商机', pipelineId });
      },
    },
  };
}
