import { insertProduct, insertWarehouse } from '../q2c-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Quotes (报价, SPEC 3.2); sets ids.quoteCustomer, ids.quoteProduct, ids.quote, ids.quoteRevised. */
export function quoteCases(ctx: AuditContext): AuditCases {
  const { rep, manager, ids, env } = ctx;
  const version = async (id: number): Promise<number> => (await rep.get(`/api/quotes/${id}`)).json().version;
  const lines = () => [{ productId: ids.quoteProduct, qty: '2', unitPrice: '100.00', discountPercent: '0' }];
  const create = async (title: string) =>
    rep.post('/api/quotes', { customerId: ids.quoteCustomer, title, lines: lines() });
  /** Submits (policy quotes.approvalMode 'all') and has the department head approve. */
  const approve = async (id: number) => {
    const s = (await rep.post(`/api/quotes/${id}/submit`, { version: await version(id) })).json();
    await manager.post(`/api/approvals/${s.instanceId}/approve`, {});
  };
  return {
    'POST /api/quotes': {
      entity: 'quote',
      action: 'create',
      run: async () => {
        ids.quoteCustomer = (
          await rep.post('/api/customers', { kind: 'company', name: '审计报价客户有限公司' })
        ).json().id;
        ids.quoteProduct = await insertProduct(env, { code: 'AUD-Q1', standardPrice: '100.00', floorPrice: '80.00' });
        const res = await create('审计报价');
        ids.quote = res.json().id;
        return res;
      },
    },
    'PUT /api/quotes/:id': {
      entity: 'quote',
      action: 'update',
      run: async () =>
        rep.put(`/api/quotes/${ids.quote}`, {
          title: '审计报价（改）',
          lines: lines(),
          version: await version(ids.quote),
        }),
    },
    'POST /api/quotes/:id/submit': {
      entity: 'quote',
      action: 'submit',
      run: async () => rep.post(`/api/quotes/${ids.quote}/submit`, { version: await version(ids.quote) }),
    },
    'POST /api/quotes/:id/send': {
      entity: 'quote',
      action: 'send',
      run: async () => {
        const q = (await rep.get(`/api/quotes/${ids.quote}`)).json();
        await manager.post(`/api/approvals/${q.approvalInstanceId}/approve`, {});
        return rep.post(`/api/quotes/${ids.quote}/send`, { version: await version(ids.quote) });
      },
    },
    'POST /api/quotes/:id/respond': {
      entity: 'quote',
      action: 'accept',
      run: async () =>
        rep.post(`/api/quotes/${ids.quote}/respond`, {
          response: 'accepted',
          note: '审计接受',
          version: await version(ids.quote),
        }),
    },
    'POST /api/quotes/:id/convert': {
      entity: 'quote',
      action: 'convert',
      run: async () => {
        await insertWarehouse(env);
        return rep.post(`/api/quotes/${ids.quote}/convert`, {
          target: 'order',
          requestedDate: '2030-06-30',
          version: await version(ids.quote),
        });
      },
    },
    'POST /api/quotes/:id/revise': {
      entity: 'quote',
      action: 'supersede',
      run: async () => {
        const id = (await create('审计改版报价')).json().id;
        await approve(id);
        const res = await rep.post(`/api/quotes/${id}/revise`, { version: await version(id) });
        ids.quoteRevised = res.json().id;
        return res;
      },
    },
  };
}
