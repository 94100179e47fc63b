import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomer, insertOrder, insertRoleUser } from '../src/modules/deliveries/deliveries.test-seed.ts';
import { Client, createTestEnv, type Org, seedOrg, type TestEnv } from './harness.ts';
import { insertProduct, insertWarehouse, stockIn } from './q2c-seed.ts';

/**
 * SPEC 1.2 masking gaps closed by issue 9: the customer's e-mail, the order's consignee phone and
 * shipping address — masked for users neither owner of the customer nor above the owner.
 */
let env: TestEnv;
let org: Org;
let rep1: Client;
let manager1: Client;
let finance: Client;
let warehouse: Client;
let assistant: Client;

const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  rep1 = await Client.login(env.app, 'rep1');
  manager1 = await Client.login(env.app, 'manager1');
  finance = await Client.login(env.app, 'finance');
  await insertRoleUser(env, 'wh1', '库管甲', 'warehouse');
  warehouse = await Client.login(env.app, 'wh1');
  const a = await insertRoleUser(env, 'asst1', '内业甲', 'sales_assistant');
  await q('update users set dept_id = $2 where id = $1', [a, org.dept.sales1]);
  assistant = await Client.login(env.app, 'asst1');
});
afterAll(() => env.close());

describe('customer e-mail', () => {
  it('is masked like the phone for users who are not the owner or above, and a masked value sent back keeps it', async () => {
    const res = await rep1.post('/api/customers', {
      kind: 'individual',
      name: '邮件测试客户',
      mobile: '13912345678',
      email: 'zhang.san@example.com',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.email).toBe('zhang.san@example.com');
    expect((await manager1.get(`/api/customers/${c.id}`)).json().email).toBe('zhang.san@example.com');
    const seen = (await finance.get(`/api/customers/${c.id}`)).json();
    expect(seen).toMatchObject({ masked: true, email: 'z***@example.com', mobile: '139****5678' });

    const commerce = await Client.login(env.app, 'commerce');
    const view = (await commerce.get(`/api/customers/${c.id}`)).json();
    expect(view.email).toBe('z***@example.com');
    const edit = await commerce.put(`/api/customers/${c.id}`, {
      kind: 'individual',
      name: '邮件测试客户',
      mobile: view.mobile,
      email: view.email,
      remark: '商务补充备注',
      version: view.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const stored = await q('select email, mobile, remark from customers where id = $1', [c.id]);
    expect(stored.rows[0]).toEqual({ email: 'zhang.san@example.com', mobile: '13912345678', remark: '商务补充备注' });
  });
});

describe('order delivery contact', () => {
  let customerId: number;
  let warehouseId: number;
  let productId: number;

  beforeAll(async () => {
    customerId = await insertCustomer(env, '收货人测试公司', org.user.rep1);
    warehouseId = await insertWarehouse(env);
    productId = await insertProduct(env, { code: 'MASK-1' });
    await stockIn(env, warehouseId, productId, '100');
  });

  const order = (status = 'approved') =>
    insertOrder(env, {
      customerId,
      ownerId: org.user.rep1,
      warehouseId,
      status,
      lines: [{ productId, qty: '2', unitPrice: '100.00' }],
    });

  it('shows phone and address in clear to the owner and above (logged), masked to others', async () => {
    const o = await order();
    const own = (await rep1.get(`/api/orders/${o.id}`)).json();
    expect(own).toMatchObject({
      consigneePhone: '13900001111',
      shippingAddress: '浙江省杭州市滨江区江南大道1号',
      contactMasked: false,
    });
    expect((await manager1.get(`/api/orders/${o.id}`)).json().consigneePhone).toBe('13900001111');
    for (const c of [warehouse, finance]) {
      const v = (await c.get(`/api/orders/${o.id}`)).json();
      expect(v).toMatchObject({
        consigneePhone: '139****1111',
        shippingAddress: '浙江省杭州市****',
        contactMasked: true,
      });
    }
    const log = await q(
      `select u.username, a.fields from access_log a join users u on u.id = a.user_id
       where a.entity_type = 'order' and $1 = any(a.entity_ids) order by a.id`,
      [o.id],
    );
    expect(log.rows).toEqual([
      { username: 'rep1', fields: ['consigneePhone', 'shippingAddress'] },
      { username: 'manager1', fields: ['consigneePhone', 'shippingAddress'] },
    ]);
  });

  it('masks the contact in the order history for those who see it masked', async () => {
    const o = await order();
    await q(
      `insert into audit_log (actor_id, entity_type, entity_id, action, changes, request_id)
       values ($1, 'order', $2, 'update', $3, 'test')`,
      [org.user.rep1, o.id, JSON.stringify([{ field: 'consigneePhone', old: '13800002222', new: '13900001111' }])],
    );
    const changes = async (c: Client) =>
      (await c.get(`/api/orders/${o.id}/timeline`)).json().items.find((r: { action: string }) => r.action === 'update')
        .changes;
    expect(await changes(rep1)).toEqual([{ field: 'consigneePhone', old: '13800002222', new: '13900001111' }]);
    expect(await changes(warehouse)).toEqual([{ field: 'consigneePhone', old: '138****2222', new: '139****1111' }]);
  });

  it('a masked contact sent back by a draft edit or a delivery form keeps the stored values', async () => {
    const draft = await order('draft');
    const v = (await assistant.get(`/api/orders/${draft.id}`)).json();
    expect(v.contactMasked).toBe(true);
    const body = {
      customerId,
      contactId: null,
      channel: 'rep',
      requestedDate: v.requestedDate,
      promisedDate: null,
      warehouseId,
      specialRequirements: null,
      consignee: v.consignee,
      consigneePhone: v.consigneePhone,
      shippingAddress: v.shippingAddress,
      remark: '内业改备注',
      lines: v.lines.map((l: { productId: number; qty: string; unitPrice: string }) => ({
        productId: l.productId,
        qty: l.qty,
        unitPrice: l.unitPrice,
        discountPercent: '0',
      })),
      version: v.version,
    };
    const put = await assistant.put(`/api/orders/${draft.id}`, body);
    expect(put.statusCode, put.body).toBe(200);
    const row = await q('select consignee_phone, shipping_address, remark from orders where id = $1', [draft.id]);
    expect(row.rows[0]).toEqual({
      consignee_phone: '13900001111',
      shipping_address: '浙江省杭州市滨江区江南大道1号',
      remark: '内业改备注',
    });

    const approved = await order();
    const w = (await warehouse.get(`/api/orders/${approved.id}`)).json();
    const d = await warehouse.post('/api/deliveries', {
      orderId: approved.id,
      lines: [{ orderLineId: approved.lineIds[0], qty: '1' }],
      consigneePhone: w.consigneePhone,
      address: w.shippingAddress,
      boxCount: 1,
    });
    expect(d.statusCode, d.body).toBe(201);
    const note = await q('select consignee_phone, address from deliveries where id = $1', [d.json().id]);
    expect(note.rows[0]).toEqual({ consignee_phone: '13900001111', address: '浙江省杭州市滨江区江南大道1号' });
  });
});

describe('duplicate check naming the owner (policy customers.duplicateRevealsOwner)', () => {
  it('names the owner by default and withholds the name when the policy is off', async () => {
    const rep2 = await Client.login(env.app, 'rep2');
    const admin = await Client.login(env.app, 'admin');
    await rep1.post('/api/customers', { kind: 'individual', name: '查重甲', mobile: '13955556666' });
    const first = await rep2.post('/api/customers', { kind: 'individual', name: '查重乙', mobile: '13955556666' });
    expect(first.statusCode).toBe(409);
    expect(first.json().message).toBe('客户重复：已存在手机号码相同的客户，负责人：张三');
    expect(first.json().duplicate).toMatchObject({ ownerName: '张三', customerId: null });

    const put = await admin.put('/api/policies/customers.duplicateRevealsOwner', { value: false, version: 0 });
    expect(put.statusCode, put.body).toBe(200);
    const second = await rep2.post('/api/customers', { kind: 'individual', name: '查重乙', mobile: '13955556666' });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('客户重复：已存在手机号码相同的客户，负责人：（其他同事，不公开）');
    expect(second.json().duplicate.ownerName).toBeNull();
    // Whoever can see the customer still learns who owns it.
    const again = await manager1.post('/api/customers', { kind: 'individual', name: '查重丙', mobile: '13955556666' });
    expect(again.json().duplicate.ownerName).toBe('张三');
  });
});
