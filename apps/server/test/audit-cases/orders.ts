import { roleUser } from '../../src/modules/orders/orders.testkit.ts';
import type { Client } from '../harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../q2c-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

/**
 * Audit cases of the orders module's mutating routes: rep1 enters and runs order A through
 * edit → confirm → special confirmation → submit → return → (submit) → review (manager1) →
 * prepare → planner tasks; order B is cancelled; order C (put into delivered) is completed.
 */
export function orderCases(ctx: AuditContext): AuditCases {
  const { rep, manager, ids, env, org } = ctx;
  let planner: Client | undefined;
  const version = async (id: number) => (await rep.get(`/api/orders/${id}`)).json().version as number;
  const body = (extra: Record<string, unknown> = {}) => ({
    customerId: ids.orderCustomer,
    channel: 'rep',
    requestedDate: '2099-01-01',
    warehouseId: ids.orderWarehouse,
    lines: [{ productId: ids.orderProduct, qty: '2', unitPrice: '100.00', discountPercent: '0' }],
    ...extra,
  });
  const create = async () => (await rep.post('/api/orders', body())).json().id as number;
  const plannerClient = async () => {
    planner ??= await roleUser(env, 'audit-planner', 'planner', org.dept.mgmt);
    return planner;
  };
  return {
    'POST /api/orders': {
      entity: 'order',
      action: 'create',
      run: async () => {
        ids.orderWarehouse = await insertWarehouse(env, 'WH-AUD-O', '审计订单仓');
        ids.orderProduct = await insertProduct(env, { code: 'AUD-ORD-1' });
        await stockIn(env, ids.orderWarehouse, ids.orderProduct, '50');
        ids.orderCustomer = (
          await rep.post('/api/customers', { kind: 'individual', name: '审计订单客户', mobile: '13500009876' })
        ).json().id;
        const res = await rep.post('/api/orders', body());
        ids.orderA = res.json().id;
        return res;
      },
    },
    'PUT /api/orders/:id': {
      entity: 'order',
      action: 'update',
      run: async () =>
        rep.put(`/api/orders/${ids.orderA}`, {
          ...body({ specialRequirements: '定制包装' }),
          version: await version(ids.orderA),
        }),
    },
    'POST /api/orders/:id/confirm': {
      entity: 'order',
      action: 'confirm',
      run: async () =>
        rep.post(`/api/orders/${ids.orderA}/confirm`, { version: await version(ids.orderA), note: '已回访确认' }),
    },
    'POST /api/orders/:id/confirm-special': {
      entity: 'order',
      action: 'confirm_special',
      run: async () => rep.post(`/api/orders/${ids.orderA}/confirm-special`, { version: await version(ids.orderA) }),
    },
    'POST /api/orders/:id/submit': {
      entity: 'order',
      action: 'submit',
      run: async () => rep.post(`/api/orders/${ids.orderA}/submit`, { version: await version(ids.orderA) }),
    },
    'POST /api/orders/:id/return': {
      entity: 'order',
      action: 'return_to_draft',
      run: async () =>
        rep.post(`/api/orders/${ids.orderA}/return`, { version: await version(ids.orderA), reason: '补充信息' }),
    },
    'POST /api/orders/:id/review': {
      entity: 'order',
      action: 'review',
      run: async () => {
        await rep.post(`/api/orders/${ids.orderA}/submit`, { version: await version(ids.orderA) });
        return manager.post(`/api/orders/${ids.orderA}/review`, {
          version: await version(ids.orderA),
          comment: '评审通过',
        });
      },
    },
    'POST /api/orders/:id/label-check': {
      entity: 'order',
      action: 'label_check',
      run: async () => {
        // A product that must carry Chinese labelling: its line is checked by a planner (中文标识核对).
        const productId = await insertProduct(env, { code: 'AUD-ORD-MED', name: '审计医疗器械' });
        await env.database.pool.query('update products set requires_chinese_label = true where id = $1', [productId]);
        const o = (
          await rep.post('/api/orders', {
            ...body(),
            lines: [{ productId, qty: '1', unitPrice: '100.00', discountPercent: '0' }],
          })
        ).json();
        return (await plannerClient()).post(`/api/orders/${o.id}/label-check`, {
          version: o.version,
          lineId: o.lines[0].id,
          checked: true,
        });
      },
    },
    'POST /api/orders/:id/prepare': {
      entity: 'order',
      action: 'prepare',
      run: async () => rep.post(`/api/orders/${ids.orderA}/prepare`, { version: await version(ids.orderA) }),
    },
    'POST /api/orders/:id/production-tasks': {
      entity: 'production_task',
      action: 'create',
      run: async () => {
        const lineId = (await rep.get(`/api/orders/${ids.orderA}`)).json().lines[0].id;
        const res = await (await plannerClient()).post(`/api/orders/${ids.orderA}/production-tasks`, {
          lines: [{ orderLineId: lineId, kind: 'production', qty: '2', dueDate: '2098-12-30' }],
        });
        ids.productionTask = res.json().items?.[0]?.id;
        return res;
      },
    },
    'PUT /api/production-tasks/:id': {
      entity: 'production_task',
      action: 'update',
      run: async () =>
        (await plannerClient()).put(`/api/production-tasks/${ids.productionTask}`, {
          status: 'in_progress',
          doneQty: '1',
          progressNote: '已投产',
          dueDate: '2098-12-30',
          version: 1,
        }),
    },
    'POST /api/orders/:id/cancel': {
      entity: 'order',
      action: 'cancel',
      run: async () => {
        ids.orderB = await create();
        return rep.post(`/api/orders/${ids.orderB}/cancel`, { version: 1, reason: '客户取消' });
      },
    },
    'POST /api/orders/:id/complete': {
      entity: 'order',
      action: 'complete',
      run: async () => {
        ids.orderC = await create();
        await env.database.pool.query(`update orders set status = 'delivered' where id = $1`, [ids.orderC]);
        return rep.post(`/api/orders/${ids.orderC}/complete`, { version: 1 });
      },
    },
  };
}
