import type { AuditCases, AuditContext } from './types.ts';

// A 1×1 PNG: the smallest valid file the content check accepts.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const file = (fileName: string) => ({ file: { fileName, mimeType: 'image/png', contentBase64: PNG } });

/** General attachments on records (issue 14 item 6): attach on each record type, then remove one. */
export function attachmentCases(ctx: AuditContext): AuditCases {
  const { rep, manager, ids } = ctx;
  return {
    'POST /api/customers/:id/attachments': {
      entity: 'customer',
      action: 'attach',
      run: async () => {
        ids.attachCustomer = (
          await rep.post('/api/customers', { kind: 'company', name: '审计附件客户', mobile: '13600009901' })
        ).json().id;
        const res = await rep.post(`/api/customers/${ids.attachCustomer}/attachments`, file('营业执照.png'));
        ids.attachment = res.json().id;
        return res;
      },
    },
    'POST /api/opportunities/:id/attachments': {
      entity: 'opportunity',
      action: 'attach',
      run: async () => manager.post(`/api/opportunities/${ids.opp}/attachments`, file('需求说明.png')),
    },
    'POST /api/quotes/:id/attachments': {
      entity: 'quote',
      action: 'attach',
      run: async () => rep.post(`/api/quotes/${ids.quote}/attachments`, file('报价附图.png')),
    },
    'POST /api/orders/:id/attachments': {
      entity: 'order',
      action: 'attach',
      run: async () => rep.post(`/api/orders/${ids.orderA}/attachments`, file('订货单.png')),
    },
    'POST /api/events/:id/attachments': {
      entity: 'event',
      action: 'attach',
      run: async () => manager.post(`/api/events/${ids.eventsCampaign}/attachments`, file('会场布置.png')),
    },
    'POST /api/inquiries/:id/attachments': {
      entity: 'inquiry',
      action: 'attach',
      run: async () => rep.post(`/api/inquiries/${ids.inquiry}/attachments`, file('咨询截图.png')),
    },
    'DELETE /api/attachments/:id': {
      entity: 'customer',
      action: 'detach',
      run: async () => rep.delete(`/api/attachments/${ids.attachment}`),
    },
  };
}
