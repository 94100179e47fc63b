import { insertCustomer, insertRoleUser } from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { insertSignedSale, type SignedDelivery } from '../../src/modules/returns/returns.test-seed.ts';
import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of sales returns: the pharma chain's five roles and a 库管 are created here. */
export function returnCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  const who: Record<string, Client> = {};
  let sale: SignedDelivery;
  const version = async () => (await rep.get(`/api/sales-returns/${ids.salesReturn}`)).json().version;
  const instance = async () => (await rep.get(`/api/sales-returns/${ids.salesReturn}`)).json().approvalInstanceId;
  return {
    'POST /api/sales-returns': {
      entity: 'sales_return',
      action: 'create',
      run: async () => {
        for (const role of ['invoicing', 'purchasing', 'qa', 'operations', 'receiving_clerk', 'warehouse']) {
          await insertRoleUser(env, `audit_ret_${role}`, `审计${role}`, role);
          who[role] = await Client.login(env.app, `audit_ret_${role}`);
        }
        who.finance = await Client.login(env.app, 'finance');
        const customerId = await insertCustomer(env, '审计退货客户', org.user.rep1);
        sale = await insertSignedSale(env, {
          customerId,
          ownerId: org.user.rep1,
          qty: '5',
          unitPrice: '20.00',
          signedDate: '2026-01-05',
        });
        const r = await rep.post('/api/sales-returns', {
          deliveryId: sale.deliveryId,
          reason: 'quality',
          description: '审计退货',
          lines: [{ deliveryLineId: sale.lineId, qty: '2' }],
        });
        ids.salesReturn = r.json().id;
        return r;
      },
    },
    'POST /api/sales-returns/:id/arrival': {
      entity: 'sales_return',
      action: 'arrive',
      run: async () =>
        who.warehouse.post(`/api/sales-returns/${ids.salesReturn}/arrival`, {
          arrivedAt: new Date().toISOString(),
          warehouseId: sale.warehouseId,
          version: await version(),
        }),
    },
    'POST /api/sales-returns/:id/resubmit': {
      entity: 'sales_return',
      action: 'resubmit',
      run: async () => {
        await who.invoicing.post(`/api/approvals/${await instance()}/return`, { comment: '补原始单据' });
        return rep.post(`/api/sales-returns/${ids.salesReturn}/resubmit`, { version: await version() });
      },
    },
    'POST /api/sales-returns/:id/red-invoice': {
      entity: 'sales_return',
      action: 'credit',
      run: async () => {
        const inst = await instance();
        for (const role of ['invoicing', 'purchasing', 'qa', 'operations', 'receiving_clerk'])
          await who[role].post(`/api/approvals/${inst}/approve`, { comment: '同意' });
        const inv = await who.finance.post('/api/invoices', {
          orderId: sale.orderId,
          kind: 'vat_normal',
          externalNo: 'AUDIT-RET-1',
        });
        return who.finance.post(`/api/sales-returns/${ids.salesReturn}/red-invoice`, {
          invoiceId: inv.json().id,
          externalNo: 'AUDIT-RET-RED-1',
          version: await version(),
        });
      },
    },
  };
}
