import { NAME, type ScopeFixtureFile } from './types.ts';

/**
 * rep1 (销售一部) handles an online inquiry from the fixture company, with a pre-sale request on it;
 * the analysis shows rep1's reply-time row (张三) to rep1 and nothing to 销售二部.
 */
export const inquiryFixtures: ScopeFixtureFile = {
  async setup({ owner, fixture }) {
    const q = await owner.post('/api/inquiries', {
      channel: 'online',
      contactName: '扫描联系人',
      company: NAME,
      question: `${NAME} 的产品价格`,
    });
    if (q.statusCode !== 201) throw new Error(`inquiry fixture: ${q.statusCode} ${q.body}`);
    fixture.inquiry = q.json().id;
    const r = await owner.post(`/api/inquiries/${fixture.inquiry}/presale-requests`, {
      kind: 'product_info',
      detail: `${NAME} 产品资料`,
    });
    if (r.statusCode !== 201) throw new Error(`presale fixture: ${r.statusCode} ${r.body}`);
    fixture.presale_request = r.json().id;
  },
  bodies: {
    'POST /api/inquiries/:id/answer': (version) => ({ answer: '越权答复', version }),
    'POST /api/inquiries/:id/convert-customer': (version) => ({ version }),
    'POST /api/inquiries/:id/convert-opportunity': (version) => ({ version, name: '越权商机', pipelineId: 1 }),
    'POST /api/inquiries/:id/presale-requests': () => ({ kind: 'product_info', detail: '越权申请' }),
    'POST /api/presale-requests/:id/actions': (version) => ({ action: 'start', version }),
  },
  markers: { inquiry_analysis: '张三' },
};
