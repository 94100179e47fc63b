import { Client } from '../harness.ts';
import { insertProduct, insertWarehouse } from '../q2c-seed.ts';
import { approvedEvent, eventBody } from '../scope-fixtures/events.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of conference marketing: plan, submit, invite, results, check-in, walk-in, deals. */
export function eventCases(ctx: AuditContext): AuditCases {
  const { env, rep, manager, ids } = ctx;
  const front = () => Client.login(env.app, 'front');
  const newCustomer = async (name: string, mobile: string) =>
    (await rep.post('/api/customers', { kind: 'individual', name, mobile })).json().id as number;
  const invitationOf = async (customerId: number) =>
    (
      await env.database.pool.query(
        'select id, token from event_invitations where event_id = $1 and customer_id = $2',
        [ids.eventsCampaign, customerId],
      )
    ).rows[0] as { id: number; token: string };
  return {
    'POST /api/events': {
      entity: 'event',
      action: 'create',
      run: async () => {
        const r = await manager.post('/api/events', eventBody('审计会销'));
        ids.eventsDraft = r.json().id;
        return r;
      },
    },
    'PUT /api/events/:id': {
      entity: 'event',
      action: 'update',
      run: async () => manager.put(`/api/events/${ids.eventsDraft}`, { ...eventBody('审计会销（改）'), version: 1 }),
    },
    'POST /api/events/:id/submit': {
      entity: 'event',
      action: 'submit',
      run: async () => manager.post(`/api/events/${ids.eventsDraft}/submit`, { version: 2 }),
    },
    'POST /api/events/:id/invitations': {
      entity: 'event',
      action: 'invite',
      run: async () => {
        ids.eventsCampaign = await approvedEvent(env, manager, '审计会销活动');
        ids.eventsGuest1 = await newCustomer('审计会销客户一', '13600001001');
        ids.eventsGuest2 = await newCustomer('审计会销客户二', '13600001002');
        return rep.post(`/api/events/${ids.eventsCampaign}/invitations`, {
          customerIds: [ids.eventsGuest1, ids.eventsGuest2],
        });
      },
    },
    'PUT /api/event-invitations/:id/result': {
      entity: 'event_invitation',
      action: 'result',
      run: async () => {
        const inv = await invitationOf(ids.eventsGuest1);
        return rep.put(`/api/event-invitations/${inv.id}/result`, { result: 'accepted', version: 1 });
      },
    },
    'POST /api/event-invitations/:id/confirm': {
      entity: 'event_invitation',
      action: 'confirm',
      run: async () =>
        rep.post(`/api/event-invitations/${(await invitationOf(ids.eventsGuest1)).id}/confirm`, { version: 2 }),
    },
    'POST /api/event-invitations/:id/check-in': {
      entity: 'event_invitation',
      action: 'check_in',
      run: async () =>
        (await front()).post(`/api/event-invitations/${(await invitationOf(ids.eventsGuest1)).id}/check-in`, {
          seat: 'B-1',
        }),
    },
    'POST /api/event-guests/:token/check-in': {
      entity: 'event_invitation',
      action: 'check_in',
      run: async () =>
        (await front()).post(`/api/event-guests/${(await invitationOf(ids.eventsGuest2)).token}/check-in`, {}),
    },
    'POST /api/events/:id/walk-ins': {
      entity: 'event_invitation',
      action: 'walk_in',
      run: async () =>
        (await front()).post(`/api/events/${ids.eventsCampaign}/walk-ins`, {
          name: '审计到场客户',
          mobile: '13600001003',
        }),
    },
    'POST /api/events/:id/orders': {
      entity: 'event',
      action: 'attribute_order',
      run: async () => {
        const productId = await insertProduct(env, { code: 'AUDIT-EV', name: '审计会销产品' });
        const warehouseId = await insertWarehouse(env, 'WH-AUDIT-EV', '审计会销仓');
        const o = await rep.post('/api/orders', {
          customerId: ids.eventsGuest1,
          channel: 'rep',
          requestedDate: '2041-07-01',
          warehouseId,
          lines: [{ productId, qty: '1', unitPrice: '100.00', taxRate: '0.00' }],
        });
        ids.eventsOrder = o.json().id;
        return rep.post(`/api/events/${ids.eventsCampaign}/orders`, { orderId: ids.eventsOrder });
      },
    },
    'POST /api/events/:id/orders/detach': {
      entity: 'event',
      action: 'detach_order',
      run: async () => rep.post(`/api/events/${ids.eventsCampaign}/orders/detach`, { orderId: ids.eventsOrder }),
    },
  };
}
