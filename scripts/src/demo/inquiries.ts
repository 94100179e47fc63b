/**
 * Pre-sale inquiries (售前咨询, SPEC 2.9) with a story: online ones answered on time and late (the
 * late one alerted manager1 once), one still inside its reply time and one past it (alerted), phone
 * and visit inquiries converted to a customer and an opportunity, an e-mail answered; pre-sale
 * requests including a sample out past its return date and one returned.
 */
import { sql } from 'drizzle-orm';
import { inquiries, inquiryProducts, presaleRequests } from '../../../apps/server/src/db/schema.ts';
import { loadWorkCalendar } from '../../../apps/server/src/platform/calendar/calendar.service.ts';
import { addDays, shanghaiDate } from './rng.ts';
import { type DemoWorld, userOf } from './world.ts';

const MINUTES = 30; // policy inquiries.onlineReplyMinutes default

export async function createInquiries(world: DemoWorld): Promise<void> {
  const { tx, org, now, customers, audit, notices } = world;
  const cal = await loadWorkCalendar(tx);
  const today = shanghaiDate(now);
  const rep1 = userOf(org, 'rep1');
  const rep2 = userOf(org, 'rep2');
  const front = userOf(org, 'frontdesk');
  const manager1 = userOf(org, 'manager1');
  const catalogue = (
    await tx.execute<{ id: number; name: string }>(sql`select id, name from products order by id limit 3`)
  ).rows;
  const prods = catalogue.map((r) => Number(r.id));
  // Questions about the demo catalogue's own products (the analysis groups the repeated ones).
  const Q_PRICE = `${catalogue[0]?.name ?? '产品'}的报价是多少？批量采购有没有优惠？`;
  const Q_SPEC = `${catalogue[1]?.name ?? '产品'}能否接入我们现有的控制系统？`;
  const [opp] = (
    await tx.execute<{ id: number; customer_id: number }>(
      sql`select id, customer_id from opportunities where owner_id = ${rep1.id} order by id limit 1`,
    )
  ).rows;
  const converted = customers.find((c) => c.ownerId === rep1.id && c.kind === 'company');
  const at = (daysBack: number, hhmm: string) => new Date(`${addDays(today, -daysBack)}T${hhmm}:00+08:00`);
  const due = (received: Date) => cal.addWorkingTime(received, MINUTES * 60_000);
  const later = (d: Date, min: number) => new Date(d.getTime() + min * 60_000);
  // Shortly before now, so the demo always has one online inquiry inside its reply time.
  const fresh = new Date(now.getTime() - 2 * 60_000);

  type Row = typeof inquiries.$inferInsert & { products?: number[] };
  const rows: Row[] = [
    {
      channel: 'online',
      contactName: '刘女士',
      company: '杭州精工机械厂',
      topic: 'price',
      question: Q_PRICE,
      handlerId: rep1.id,
      receivedAt: at(6, '10:05'),
      answer: '已发送报价单，批量采购可享 5% 优惠',
      answeredDelay: 12,
      products: prods.slice(0, 1),
    },
    {
      channel: 'online',
      contactName: '陈先生',
      company: '宁波海天注塑有限公司',
      topic: 'price',
      question: Q_PRICE,
      handlerId: rep1.id,
      receivedAt: at(5, '14:10'),
      answer: '已回复报价并约定上门演示',
      answeredDelay: 95,
      products: prods.slice(0, 1),
    },
    {
      channel: 'online',
      contactName: '王工',
      company: '绍兴纺织机械厂',
      topic: 'technical',
      question: Q_SPEC,
      handlerId: rep2.id,
      receivedAt: at(3, '09:30'),
      products: prods.slice(1, 2),
    },
    {
      channel: 'online',
      contactName: '赵主管',
      company: '温州电气成套设备公司',
      topic: 'technical',
      question: Q_SPEC,
      handlerId: rep1.id,
      receivedAt: fresh,
      products: prods.slice(1, 2),
    },
    {
      channel: 'phone',
      contactName: '孙经理',
      company: converted?.name ?? '嘉兴自动化设备公司',
      mobile: '13905710001',
      topic: 'product_info',
      question: '想了解贵司的产品目录和资质',
      handlerId: rep1.id,
      createdBy: front.id,
      receivedAt: at(8, '11:00'),
      answer: '已寄送产品目录与注册证复印件',
      answeredDelay: 40,
      customerId: converted?.id ?? null,
    },
    {
      channel: 'visit',
      contactName: '周厂长',
      company: '湖州建材机械有限公司',
      topic: 'price',
      question: Q_PRICE,
      handlerId: rep1.id,
      createdBy: front.id,
      receivedAt: at(4, '15:20'),
      answer: '现场演示并报价',
      answeredDelay: 30,
      customerId: opp ? Number(opp.customer_id) : null,
      opportunityId: opp ? Number(opp.id) : null,
      products: prods.slice(0, 2),
    },
    {
      channel: 'email',
      contactName: '吴工',
      email: 'wu@example.com',
      topic: 'delivery',
      question: '下单后多久可以交货？',
      handlerId: rep2.id,
      receivedAt: at(2, '16:00'),
      answer: '常规型号 7 个工作日内发货',
      answeredDelay: 60,
    },
  ].map((r) => r as unknown as Row);

  for (const r of rows as (Row & { answeredDelay?: number })[]) {
    const handler = r.handlerId === rep1.id ? rep1 : rep2;
    const replyDueAt = r.channel === 'online' ? due(r.receivedAt) : null;
    const answeredAt = r.answeredDelay ? later(r.receivedAt, r.answeredDelay) : null;
    const late = replyDueAt && ((answeredAt && answeredAt > replyDueAt) || (!answeredAt && replyDueAt < now));
    const [row] = await tx
      .insert(inquiries)
      .values({
        channel: r.channel,
        contactName: r.contactName,
        company: r.company ?? null,
        mobile: r.mobile ?? null,
        email: r.email ?? null,
        topic: r.topic,
        question: r.question,
        answer: answeredAt ? r.answer : null,
        status: answeredAt ? 'answered' : 'open',
        handlerId: handler.id,
        deptId: handler.deptId,
        createdBy: r.createdBy ?? handler.id,
        receivedAt: r.receivedAt,
        replyDueAt,
        answeredAt,
        answeredBy: answeredAt ? handler.id : null,
        replyBreachedAt: late ? replyDueAt : null,
        breachAlertedAt: late ? later(replyDueAt as Date, 5) : null,
        customerId: r.customerId ?? null,
        opportunityId: r.opportunityId ?? null,
        convertedAt: r.customerId && answeredAt ? answeredAt : null,
        createdAt: r.receivedAt,
        updatedAt: answeredAt ?? r.receivedAt,
      })
      .returning({ id: inquiries.id });
    if (r.products?.length)
      await tx.insert(inquiryProducts).values(r.products.map((productId) => ({ inquiryId: row.id, productId })));
    audit.push({
      at: r.receivedAt,
      actorId: r.createdBy ?? handler.id,
      entityType: 'inquiry',
      entityId: row.id,
      action: 'create',
      changes: [{ field: 'question', old: null, new: r.question }],
    });
    if (answeredAt)
      audit.push({
        at: answeredAt,
        actorId: handler.id,
        entityType: 'inquiry',
        entityId: row.id,
        action: 'answer',
        changes: [{ field: 'answer', old: null, new: r.answer }],
      });
    if (late) {
      const alerted = later(replyDueAt as Date, 5);
      // The head of the handler's department is alerted once (inquiries.sweep.ts).
      const head = await tx.execute<{ id: number }>(
        sql`select coalesce(head_user_id, ${manager1.id}) as id from departments where id = ${handler.deptId}`,
      );
      const boss = { id: Number(head.rows[0].id) };
      notices.push({
        userId: boss.id,
        kind: 'inquiry.breached',
        titleKey: 'notify.inquiry.breached',
        params: { contact: r.contactName, handler: handler.name, minutes: MINUTES },
        link: `/inquiries/${row.id}`,
        createdAt: alerted,
        readAt: null,
      });
      audit.push({
        at: alerted,
        actorId: null,
        requestId: 'sweep:inquiries.reply',
        entityType: 'inquiry',
        entityId: row.id,
        action: 'reply_breach',
        changes: [{ field: 'breachAlertedTo', old: null, new: [boss.id] }],
      });
    }
    // Pre-sale requests on the two price inquiries answered and the technical one.
    if (r.contactName === '刘女士' && prods[0]) {
      await request(row.id, handler, {
        kind: 'sample',
        detail: '试用样机一台，评估后归还',
        productId: prods[0],
        quantity: 1,
        expectedReturnDate: addDays(today, -3),
        status: 'fulfilled',
        fulfilledAt: later(r.receivedAt, 1440),
      });
      await request(row.id, handler, {
        kind: 'product_info',
        detail: '寄送产品彩页与报价单',
        status: 'fulfilled',
        fulfilledAt: later(r.receivedAt, 60),
      });
    }
    if (r.contactName === '周厂长' && prods[1]) {
      await request(row.id, handler, {
        kind: 'sample',
        detail: '样机现场试用两周',
        productId: prods[1],
        quantity: 2,
        expectedReturnDate: addDays(today, -1),
        status: 'fulfilled',
        fulfilledAt: later(r.receivedAt, 1440),
        returnedAt: later(r.receivedAt, 3 * 1440),
      });
    }
    if (r.contactName === '王工')
      await request(row.id, handler, {
        kind: 'technical',
        detail: '请工程师确认控制系统通讯协议',
        status: 'in_progress',
      });
  }

  async function request(
    inquiryId: number,
    u: { id: number; deptId: number },
    v: Partial<typeof presaleRequests.$inferInsert> & { kind: string; detail: string; status: string },
  ) {
    const created = new Date(
      Math.min(now.getTime() - 60_000, (v.fulfilledAt as Date | undefined)?.getTime() ?? now.getTime()) - 3600_000,
    );
    const [p] = await tx
      .insert(presaleRequests)
      .values({
        inquiryId,
        assigneeId: u.id,
        deptId: u.deptId,
        createdBy: u.id,
        fulfilledBy: v.fulfilledAt ? u.id : null,
        createdAt: created,
        updatedAt: created,
        ...v,
      })
      .returning({ id: presaleRequests.id });
    audit.push({
      at: created,
      actorId: u.id,
      entityType: 'presale_request',
      entityId: p.id,
      action: 'create',
      changes: [{ field: 'detail', old: null, new: v.detail }],
    });
  }
}
