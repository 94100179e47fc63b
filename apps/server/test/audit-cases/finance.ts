import { insertOrder } from '../../src/modules/finance/finance.fixtures.ts';
import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Payments, invoices and write-offs on a direct-SQL order of rep1 (own customer; sets ids.finance*). */
export function financeCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  let fin: Client;
  const finance = async () => (fin ??= await Client.login(env.app, 'finance'));
  const pay = async (who: Client, body: Record<string, unknown>) => {
    const res = await who.post('/api/payments', {
      orderId: ids.financeOrder,
      kind: 'instalment',
      method: 'transfer',
      amount: '10.00',
      receivedDate: today(),
      payerName: '审计付款人',
      ...body,
    });
    return { res, id: res.json().id as number };
  };
  return {
    'POST /api/payments': {
      entity: 'payment',
      action: 'create',
      run: async () => {
        const customerId = (await rep.post('/api/customers', { kind: 'company', name: '审计财务客户有限公司' })).json()
          .id;
        ids.financeOrder = (
          await insertOrder(env, {
            customerId,
            ownerId: org.user.rep1,
            ownerDeptId: org.dept.sales1,
            lines: [{ qty: '1', unitPrice: '1000.00', taxRate: '0.00' }],
          })
        ).id;
        const { res, id } = await pay(rep, {});
        ids.financePayment = id;
        return res;
      },
    },
    'POST /api/payments/:id/confirm': {
      entity: 'payment',
      action: 'confirm',
      run: async () => (await finance()).post(`/api/payments/${ids.financePayment}/confirm`, { version: 1 }),
    },
    'POST /api/payments/:id/reject': {
      entity: 'payment',
      action: 'reject',
      run: async () =>
        (await finance()).post(`/api/payments/${(await pay(rep, {})).id}/reject`, { version: 1, reason: '未到账' }),
    },
    'POST /api/payments/:id/clear': {
      entity: 'payment',
      action: 'clear',
      run: async () =>
        (await finance()).post(
          `/api/payments/${(await pay(await finance(), { method: 'cheque', chequeNo: 'AU001' })).id}/clear`,
          { version: 1 },
        ),
    },
    'POST /api/payments/:id/bounce': {
      entity: 'payment',
      action: 'bounce',
      run: async () =>
        (await finance()).post(
          `/api/payments/${(await pay(await finance(), { method: 'cheque', chequeNo: 'AU002' })).id}/bounce`,
          { version: 1 },
        ),
    },
    'POST /api/invoices': {
      entity: 'invoice',
      action: 'issue',
      run: async () => {
        const res = await (await finance()).post('/api/invoices', {
          orderId: ids.financeOrder,
          kind: 'vat_special',
          externalNo: `AUDIT${Date.now()}`,
        });
        ids.financeInvoice = res.json().id;
        return res;
      },
    },
    'POST /api/invoices/:id/void': {
      entity: 'invoice',
      action: 'void',
      run: async () =>
        (await finance()).post(`/api/invoices/${ids.financeInvoice}/void`, { version: 1, reason: '开错' }),
    },
    'POST /api/invoices/:id/reissue': {
      entity: 'invoice',
      action: 'reissue',
      run: async () => {
        const res = await (await finance()).post(`/api/invoices/${ids.financeInvoice}/reissue`, {
          kind: 'vat_special',
          externalNo: `AUDITR${Date.now()}`,
        });
        ids.financeInvoice2 = res.json().id;
        return res;
      },
    },
    'POST /api/write-offs': {
      entity: 'bad_debt_writeoff',
      action: 'request',
      run: () => rep.post('/api/write-offs', { orderId: ids.financeOrder, amount: '100.00', reason: '审计核销' }),
    },
  };
}
