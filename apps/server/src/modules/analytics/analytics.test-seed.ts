import { Client, type Org, type TestEnv } from '../../../test/harness.ts';
import { insertProduct, insertWarehouse } from '../../../test/q2c-seed.ts';
import { insertOrder } from '../deliveries/deliveries.test-seed.ts';
import { makeCustomer } from '../orders/orders.testkit.ts';
import { insertSignedSale } from '../returns/returns.test-seed.ts';
import { bookFact } from './index.ts';

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/**
 * The hand-made sales of March–April 2026 that the indicator engine and the report tests compute
 * by hand; gross 113 per unit (100 + 13 % tax), cost 60 per unit. `label` names the customers,
 * warehouse and product (e.g. 报表客户甲, 报表主推产品) so each test's records are its own:
 * - rep1 张三 (销售一部): O1 2 units on 5 March (contact 陈经理); O2 1 unit on 6 March, cancelled 20 March;
 *   O5 4 units on 2 April. Customer 甲 then moves to rep1b 李四: O6 1 unit on 25 March is his, O1 stays rep1's.
 * - teamRep 孙七 (销售一部一组): O3 3 units of another product on 12 March, 1 returned on 28 March.
 * - rep2 王五 (销售二部): walk-in registration on 1 March, O4 5 units on 15 March (a lead deal).
 */
export async function seedMarchSales(env: TestEnv, org: Org, label: string, code: string) {
  const q = (text: string, params: unknown[] = []) => env.database.pool.query(text, params);
  const rep1 = await Client.login(env.app, 'rep1');
  const custA = await makeCustomer(env, rep1, `${label}客户甲`);
  const custB = await makeCustomer(env, await Client.login(env.app, 'teamrep'), `${label}客户乙`);
  const custC = await makeCustomer(env, await Client.login(env.app, 'rep2'), `${label}客户丙`);
  const wh = await insertWarehouse(env, `WH-${code}`, `${label}仓`);
  const product = await insertProduct(env, { code: `P-${code}-1`, name: `${label}主推产品` });
  await q('update products set cost = 60 where id = $1', [product]);
  const approved = async (ownerId: number, customerId: number, qty: string, date: string) => {
    const o = await insertOrder(env, {
      customerId,
      ownerId,
      warehouseId: wh,
      lines: [{ productId: product, qty, unitPrice: '100.00' }],
    });
    await q('update orders set approved_at = $2 where id = $1', [o.id, at(date)]);
    await env.database.db.transaction((tx) => bookFact.orderApproved(tx, o.id));
    return o;
  };

  const reg = await q(
    `insert into front_desk_registrations (kind, visitor_name, channel, reg_date, customer_id, routed_to, routed_dept_id,
       route_reason, registered_by, registered_at)
     values ('visit', '丙先生', 'walk_in', '2026-03-01', $1, $2, $3, 'rotation', $4, $5) returning id`,
    [custC, org.user.rep2, org.dept.sales2, org.user.front, at('2026-03-01')],
  );
  await env.database.db.transaction((tx) => bookFact.registrationCreated(tx, Number(reg.rows[0].id)));

  const o1 = await approved(org.user.rep1, custA, '2', '2026-03-05');
  const contact = await q(`insert into customer_contacts (customer_id, name) values ($1, '陈经理') returning id`, [
    custA,
  ]);
  await q('update orders set contact_id = $2 where id = $1', [o1.id, contact.rows[0].id]);
  const o2 = await approved(org.user.rep1, custA, '1', '2026-03-06');
  await q(`update orders set status = 'cancelled', cancel_reason = '客户取消', updated_at = $2 where id = $1`, [
    o2.id,
    at('2026-03-20'),
  ]);
  await env.database.db.transaction((tx) => bookFact.orderCancelled(tx, { now: () => at('2026-03-20') }, o2.id));
  await approved(org.user.rep1, custA, '4', '2026-04-02');
  await q('update customers set owner_id = $2 where id = $1', [custA, org.user.rep1b]);
  const o6 = await approved(org.user.rep1b, custA, '1', '2026-03-25');

  const sale = await insertSignedSale(env, {
    customerId: custB,
    ownerId: org.user.teamRep,
    qty: '3',
    unitPrice: '100.00',
    signedDate: '2026-03-14',
  });
  await q('update products set cost = 60 where id = $1', [sale.productId]);
  await q('update orders set approved_at = $2 where id = $1', [sale.orderId, at('2026-03-12')]);
  await env.database.db.transaction((tx) => bookFact.orderApproved(tx, sale.orderId));
  const orderLine = await q('select order_line_id from delivery_lines where id = $1', [sale.lineId]);
  const ret = await q(
    `insert into sales_returns (no, customer_id, order_id, delivery_id, reason, description, status, owner_id, owner_dept_id,
       created_by, total_qty, total_amount, arrived_at, warehouse_id, due_at, completed_at, storage_fee, cost_bearer)
     values ($8, $1, $2, $3, 'quality', '质量问题', 'completed', $4, $5, $4, 1, 113, $6, $7, $6, $6, 0, 'company')
     returning id`,
    [
      custB,
      sale.orderId,
      sale.deliveryId,
      org.user.teamRep,
      org.dept.sales1team,
      at('2026-03-28'),
      sale.warehouseId,
      `TH-${code}-1`,
    ],
  );
  await q(
    `insert into sales_return_lines (return_id, delivery_line_id, order_line_id, product_id, qty, amount)
     values ($1, $2, $3, $4, 1, 113)`,
    [ret.rows[0].id, sale.lineId, orderLine.rows[0].order_line_id, sale.productId],
  );
  await env.database.db.transaction((tx) => bookFact.returnCompleted(tx, Number(ret.rows[0].id)));
  const o4 = await approved(org.user.rep2, custC, '5', '2026-03-15');
  const no = async (id: number) => (await q('select no from orders where id = $1', [id])).rows[0].no as string;
  return {
    custA,
    product,
    o1: await no(o1.id),
    o2: await no(o2.id),
    o3: await no(sale.orderId),
    o4: await no(o4.id),
    o6: await no(o6.id),
  };
}
