/**
 * Distributors of the demo company (经销商, SPEC 5.5; seed 000 设立经销点的经销制 … 定期走访各经销点, 每月
 * 对所有经销商的业绩审评, 对销售业绩突出者予以奖励): two dealer outlets on the company customers of
 * 销售一部 that ordered most last month, each with a contact; last month's review of both (the better
 * one rated A with a reward proposed) and a visit to one of them.
 */
import '../../../apps/server/src/modules/dealers/index.ts';
import { sql } from 'drizzle-orm';
import { createDealer, recordVisit, reviewDealer } from '../../../apps/server/src/modules/dealers/dealers.service.ts';
import { demoCtx } from './ctx.ts';
import { addDays, shanghaiDate } from './rng.ts';
import { type DemoWorld, userId } from './world.ts';

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

export async function createDealers(world: DemoWorld): Promise<void> {
  const { tx, org, now } = world;
  const today = shanghaiDate(now);
  const first = `${today.slice(0, 7)}-01`;
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const id = (u: string) => userId(org, u);

  // The company customer of each rep with the most orders confirmed last month.
  const pick = async (rep: string) => {
    const r = await tx.execute<{ id: number; name: string }>(sql`
      select c.id, c.name from customers c
      where c.owner_id = ${id(rep)} and c.kind = 'company' and c.deleted_at is null and c.archived_at is null
      order by (select count(*) from orders o where o.customer_id = c.id
          and o.approved_at >= ${`${lastMonth}-01`}::date and o.approved_at < ${first}::date) desc, c.id
      limit 1`);
    if (!r.rows[0]) throw new Error(`demo dealers: no company customer of ${rep}`);
    return { id: Number(r.rows[0].id), name: r.rows[0].name };
  };
  const outlets = [
    { rep: 'rep1', name: '南京鼓楼经销部', territories: ['江苏省/南京市'], contact: ['陈立新', '13851700001', '店长'] },
    {
      rep: 'rep2',
      name: '苏州园区经销部',
      territories: ['江苏省/苏州市', '江苏省/无锡市'],
      contact: ['刘芳', '13962100002', '采购'],
    },
  ];
  const created: number[] = [];
  const setUp = addDays(first, -45);
  for (const o of outlets) {
    const customer = await pick(o.rep);
    const ctx = await demoCtx(tx, id('manager1'), 'demo-data', at(setUp, '10:00:00'));
    const d = await createDealer(ctx, {
      name: o.name,
      customerId: customer.id,
      territories: o.territories,
      contacts: [{ name: o.contact[0], phone: o.contact[1], role: o.contact[2] }],
      status: 'active',
      ownerId: id(o.rep),
      remark: null,
    });
    created.push(d.id);
  }

  // Last month's review, written on the first working morning of this month.
  const review = await demoCtx(tx, id('manager1'), 'demo-data', at(first, '09:30:00'));
  await reviewDealer(review, created[0], {
    month: lastMonth,
    version: 0,
    rating: 'A',
    comment: '订货稳定，回款及时，新品铺货到位',
    rewardAmount: '800.00',
    rewardReason: '上月销售业绩突出',
  });
  await reviewDealer(review, created[1], {
    month: lastMonth,
    version: 0,
    rating: 'C',
    comment: '订货偏少，需加强区域推广',
    rewardAmount: '0',
    rewardReason: null,
  });

  // rep2 visited the Suzhou outlet last week.
  const visitDay = addDays(today, -6);
  await recordVisit(await demoCtx(tx, id('rep2'), 'demo-data', at(visitDay, '15:00:00')), created[1], {
    visitedOn: visitDay,
    visitorId: id('rep2'),
    purpose: '月度走访，了解新品销售情况',
    findings: '样品陈列不全，缺两款新品；店员对促销政策不熟悉',
    nextStep: '本周内补齐样品，安排一次产品培训',
  });
}
