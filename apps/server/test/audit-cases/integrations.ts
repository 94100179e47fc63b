import { closedPort } from '../webhook-receiver.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Personal API tokens and webhook endpoints (SPEC 1.11). */
export function integrationCases(ctx: AuditContext): AuditCases {
  const { admin, rep, ids } = ctx;
  const token = async (name: string) => (await rep.post('/api/me/api-tokens', { name, expiresOn: null })).json().id;
  const endpoint = async () => (await admin.get(`/api/webhooks/${ids.integrationsEndpoint}`)).json();
  return {
    'POST /api/me/api-tokens': {
      entity: 'api_token',
      action: 'create',
      run: async () => {
        const res = await rep.post('/api/me/api-tokens', { name: '审计令牌', expiresOn: null });
        ids.integrationsToken = res.json().id;
        return res;
      },
    },
    'DELETE /api/me/api-tokens/:id': {
      entity: 'api_token',
      action: 'revoke',
      run: () => rep.delete(`/api/me/api-tokens/${ids.integrationsToken}`),
    },
    'DELETE /api/api-tokens/:id': {
      entity: 'api_token',
      action: 'revoke',
      run: async () => admin.delete(`/api/api-tokens/${await token('管理员撤销的令牌')}`),
    },
    'POST /api/webhooks': {
      entity: 'webhook',
      action: 'create',
      run: async () => {
        // Nothing listens there: the test event below fails fast, which the route still reports.
        const res = await admin.post('/api/webhooks', {
          url: `http://127.0.0.1:${await closedPort()}/hooks`,
          events: ['order.approved'],
        });
        ids.integrationsEndpoint = res.json().id;
        return res;
      },
    },
    'PUT /api/webhooks/:id': {
      entity: 'webhook',
      action: 'update',
      run: async () => {
        const e = await endpoint();
        return admin.put(`/api/webhooks/${e.id}`, { ...e, description: '审计说明', version: e.version });
      },
    },
    'POST /api/webhooks/:id/reveal-secret': {
      entity: 'webhook',
      action: 'reveal_secret',
      run: () => admin.post(`/api/webhooks/${ids.integrationsEndpoint}/reveal-secret`),
    },
    'POST /api/webhooks/:id/rotate-secret': {
      entity: 'webhook',
      action: 'rotate_secret',
      run: () => admin.post(`/api/webhooks/${ids.integrationsEndpoint}/rotate-secret`),
    },
    'POST /api/webhooks/:id/test': {
      entity: 'webhook',
      action: 'test',
      run: async () => {
        const res = await admin.post(`/api/webhooks/${ids.integrationsEndpoint}/test`);
        ids.integrationsDelivery = res.json().id;
        return res;
      },
    },
    'POST /api/webhook-deliveries/:id/redeliver': {
      entity: 'webhook_delivery',
      action: 'redeliver',
      run: () => admin.post(`/api/webhook-deliveries/${ids.integrationsDelivery}/redeliver`),
    },
  };
}
