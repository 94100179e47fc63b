import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { companyDate } from '../../platform/time.ts';
import { customerScope } from './customers.access.ts';

type BoardRow = {
  user_id: number;
  user_name: string;
  dept_name: string;
  overdue: number;
  due_today: number;
  oldest_overdue: string | null;
  customers: {
    customerId: number;
    customerName: string;
    customerNo: string;
    nextAction: string | null;
    nextActionDate: string;
  }[];
};

/**
 * The 4S "one-to-one follow-up" check (SPEC 2.5): per responsible rep, how many planned
 * follow-ups are overdue or due today, the oldest overdue date and the first customers concerned.
 * Only customers in the viewer's scope count, so a manager sees their team and a rep themself.
 */
export async function followUpBoard(ctx: Ctx) {
  const today = companyDate(ctx.now());
  const scope = await customerScope(ctx);
  const res = await ctx.db.execute<BoardRow>(sql`
    with open as (
      select customers.owner_id, customers.id as customer_id, customers.name as customer_name,
             customers.no as customer_no, f.next_action, f.next_action_date
      from follow_ups f join customers on customers.id = f.customer_id
      where f.done_at is null and f.next_action_date is not null and f.next_action_date <= ${today}::date
        and customers.owner_id is not null and ${scope}
    )
    select u.id as user_id, u.name as user_name, d.name as dept_name,
      count(*) filter (where o.next_action_date < ${today}::date)::int as overdue,
      count(*) filter (where o.next_action_date = ${today}::date)::int as due_today,
      to_char(min(o.next_action_date) filter (where o.next_action_date < ${today}::date), 'YYYY-MM-DD') as oldest_overdue,
      (select json_agg(x) from (
         select o2.customer_id as "customerId", o2.customer_name as "customerName", o2.customer_no as "customerNo",
                o2.next_action as "nextAction", to_char(o2.next_action_date, 'YYYY-MM-DD') as "nextActionDate"
         from open o2 where o2.owner_id = u.id order by o2.next_action_date, o2.customer_id limit 5) x) as customers
    from open o join users u on u.id = o.owner_id join departments d on d.id = u.dept_id
    group by u.id, u.name, d.name
    order by overdue desc, due_today desc, u.id`);
  return {
    today,
    items: res.rows.map((r) => ({
      userId: Number(r.user_id),
      userName: r.user_name,
      deptName: r.dept_name,
      overdue: r.overdue,
      dueToday: r.due_today,
      oldestOverdue: r.oldest_overdue,
      customers: r.customers ?? [],
    })),
  };
}
