import {
  insertCategory,
  insertCustomer,
  insertOrder,
  insertRoleUser,
} from '../../src/modules/deliveries/deliveries.test-seed.ts';
import { Client } from '../harness.ts';
import { insertProduct, insertWarehouse, stockIn } from '../q2c-seed.ts';
import type { AuditCases, AuditContext } from './types.ts';

// A 1×1 PNG: the scanned signed copy.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Audit cases of the deliveries module's mutating routes (a 库房 and a 质检 user are created here). */
export function deliveryCases(ctx: AuditContext): AuditCases {
  const { env, org, rep, ids } = ctx;
  let wh: Client;
  let qa: Client;
  const version = async (id: number) => (await rep.get(`/api/deliveries/${id}`)).json().version;
  const line = async (id: number) => (await rep.get(`/api/deliveries/${id}`)).json().lines[0];
  const newNote = async (orderId: number, orderLineId: number, qty: string) => {
    const r = await rep.post('/api/deliveries', { orderId, lines: [{ orderLineId, qty }], boxCount: 1 });
    if (r.statusCode !== 201) throw new Error(`delivery create failed: ${r.body}`);
    return r;
  };
  return {
    'POST /api/deliveries': {
      entity: 'delivery',
      action: 'create',
      run: async () => {
        await insertRoleUser(env, 'audit_wh', '审计库管', 'warehouse');
        await insertRoleUser(env, 'audit_qa', '审计质检', 'qa');
        wh = await Client.login(env.app, 'audit_wh');
        qa = await Client.login(env.app, 'audit_qa');
        const warehouseId = await insertWarehouse(env, 'WH-AUDIT-D', '审计发货仓');
        const cat = await insertCategory(env, 'AUDIT-D', [{ key: 'pack', label: '包装完好' }]);
        const p = await insertProduct(env, { code: 'AUDIT-D-1', categoryId: cat });
        await stockIn(env, warehouseId, p, '20');
        const customerId = await insertCustomer(env, '审计发货客户', org.user.rep1);
        const o = await insertOrder(env, {
          customerId,
          ownerId: org.user.rep1,
          warehouseId,
          lines: [{ productId: p, qty: '10', unitPrice: '50.00' }],
        });
        ids.deliveryOrder = o.id;
        ids.deliveryOrderLine = o.lineIds[0];
        const r = await newNote(o.id, o.lineIds[0], '2');
        ids.delivery = r.json().id;
        return r;
      },
    },
    'PUT /api/deliveries/:id': {
      entity: 'delivery',
      action: 'update',
      run: async () =>
        rep.put(`/api/deliveries/${ids.delivery}`, {
          lines: [{ orderLineId: ids.deliveryOrderLine, qty: '3' }],
          carrier: '顺丰',
          boxCount: 1,
          version: await version(ids.delivery),
        }),
    },
    'POST /api/deliveries/:id/inspect': {
      entity: 'delivery',
      action: 'inspect',
      run: async () =>
        qa.post(`/api/deliveries/${ids.delivery}/inspect`, {
          lineId: (await line(ids.delivery)).id,
          status: 'passed',
          version: await version(ids.delivery),
        }),
    },
    'PUT /api/deliveries/:id/checklist': {
      entity: 'delivery',
      action: 'checklist',
      run: async () => {
        const d = (await rep.get(`/api/deliveries/${ids.delivery}`)).json();
        return qa.put(`/api/deliveries/${ids.delivery}/checklist`, {
          key: d.checklist[0].key,
          ok: true,
          version: d.version,
        });
      },
    },
    'POST /api/deliveries/:id/ship': {
      entity: 'delivery',
      action: 'ship',
      run: async () => wh.post(`/api/deliveries/${ids.delivery}/ship`, { version: await version(ids.delivery) }),
    },
    'POST /api/deliveries/:id/sign': {
      entity: 'delivery',
      action: 'sign',
      run: async () =>
        rep.post(`/api/deliveries/${ids.delivery}/sign`, {
          version: await version(ids.delivery),
          signerName: '审计签收人',
          signedDate: '2026-12-01',
          file: { fileName: 'signed.png', mimeType: 'image/png', contentBase64: PNG },
          lines: [{ lineId: (await line(ids.delivery)).id, receivedQty: '3' }],
        }),
    },
    'POST /api/deliveries/:id/emergency-release': {
      entity: 'delivery',
      action: 'emergency_request',
      run: async () => {
        const d = (await newNote(ids.deliveryOrder, ids.deliveryOrderLine, '1')).json();
        ids.deliveryReleased = d.id;
        return rep.post(`/api/deliveries/${d.id}/emergency-release`, {
          lineId: d.lines[0].id,
          reason: '客户急需',
          version: d.version,
        });
      },
    },
    'POST /api/deliveries/:id/cancel': {
      entity: 'delivery',
      action: 'cancel',
      run: async () => {
        const d = (await newNote(ids.deliveryOrder, ids.deliveryOrderLine, '1')).json();
        return rep.post(`/api/deliveries/${d.id}/cancel`, { version: d.version, reason: '客户改期' });
      },
    },
  };
}
