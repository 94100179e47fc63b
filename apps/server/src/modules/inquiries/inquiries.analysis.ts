import type { InquiryAnalysisQuery } from '@sales/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { inquiryScope } from './inquiries.access.ts';

const n = (v: unknown) => Number(v ?? 0);

/**
 * The inquiry analysis of a period (SPEC 2.9: 对咨询记录进行整理和分析), all totals in SQL within the
 * viewer's scope: questions by topic and the most repeated questions, products and categories
 * asked about, conversion to customers and opportunities, online reply-time compliance per handler.
 * The period is received dates [from, to] in the company's time zone (default: this month).
 */
export async function inquiryAnalysis(ctx: Ctx, q: InquiryAnalysisQuery) {
  const today = companyDate(ctx.now());
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  const scope = await inquiryScope(ctx);
  // Half-open range of instants: [from 00:00, to + 1 day 00:00) in Asia/Shanghai.
  const inPeriod: SQL = sql`inquiries.received_at >= (${from}::date)::timestamp at time zone 'Asia/Shanghai'
    and inquiries.received_at < ((${to}::date + 1))::timestamp at time zone 'Asia/Shanghai' and ${scope}`;
  const run = <T extends Record<string, unknown>>(q: SQL) => ctx.db.execute<T>(q).then((r) => r.rows);
  const [totals, topics, questions, prods, cats, handlers] = await Promise.all([
    run<{ total: number; customers: number; opportunities: number; answered: number }>(sql`
      select count(*)::int as total, count(customer_id)::int as customers,
        count(opportunity_id)::int as opportunities, count(answered_at)::int as answered
      from inquiries where ${inPeriod}`),
    run<{ topic: string; count: number }>(sql`
      select topic, count(*)::int as count from inquiries where ${inPeriod}
      group by topic order by count desc, topic limit 20`),
    // Frequent questions: the same question text (case and spacing folded) asked more than once.
    run<{ question: string; count: number }>(sql`
      select min(question) as question, count(*)::int as count from inquiries where ${inPeriod}
      group by lower(regexp_replace(question, '\\s+', '', 'g'))
      having count(*) > 1 order by count desc, min(question) limit 10`),
    run<{ product_id: number; code: string; name: string; count: number; customers: number }>(sql`
      select p.id as product_id, p.code, p.name, count(*)::int as count,
        count(inquiries.customer_id)::int as customers
      from inquiries join inquiry_products ip on ip.inquiry_id = inquiries.id join products p on p.id = ip.product_id
      where ${inPeriod} group by p.id, p.code, p.name order by count desc, p.code limit 20`),
    run<{ category: string | null; count: number }>(sql`
      select c.name as category, count(distinct inquiries.id)::int as count
      from inquiries join inquiry_products ip on ip.inquiry_id = inquiries.id join products p on p.id = ip.product_id
      left join product_categories c on c.id = p.category_id
      where ${inPeriod} group by c.name order by count desc, c.name nulls last limit 20`),
    // Reply-time compliance (online only): on time = answered by the due time.
    run<{ handler_id: number; name: string; online: number; on_time: number; late: number; waiting: number }>(sql`
      select inquiries.handler_id, u.name,
        count(*)::int as online,
        count(*) filter (where answered_at is not null and answered_at <= reply_due_at)::int as on_time,
        count(*) filter (where answered_at > reply_due_at
          or (answered_at is null and reply_due_at < ${ctx.now()}))::int as late,
        count(*) filter (where answered_at is null and reply_due_at >= ${ctx.now()})::int as waiting
      from inquiries join users u on u.id = inquiries.handler_id
      where ${inPeriod} and channel = 'online'
      group by inquiries.handler_id, u.name order by u.name, inquiries.handler_id limit 200`),
  ]);
  const t = totals[0];
  return {
    from,
    to,
    totals: {
      total: n(t?.total),
      answered: n(t?.answered),
      customers: n(t?.customers),
      opportunities: n(t?.opportunities),
    },
    topics: topics.map((r) => ({ topic: r.topic, count: n(r.count) })),
    questions: questions.map((r) => ({ question: r.question, count: n(r.count) })),
    products: prods.map((r) => ({
      productId: n(r.product_id),
      code: r.code,
      name: r.name,
      count: n(r.count),
      customers: n(r.customers),
    })),
    categories: cats.map((r) => ({ category: r.category, count: n(r.count) })),
    handlers: handlers.map((r) => ({
      handlerId: n(r.handler_id),
      name: r.name,
      online: n(r.online),
      onTime: n(r.on_time),
      late: n(r.late),
      waiting: n(r.waiting),
    })),
  };
}
