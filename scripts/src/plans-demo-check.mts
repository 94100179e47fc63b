import { openDatabase } from '/work/wt-plans/scripts/src/open-db.ts';
const db = await openDatabase({ log: () => {} });
const q = async (s: string) => (await db.database.pool.query(s)).rows;
console.log(await q('select year, plan_version, status, target_amount, target_customers from sales_plans order by plan_version'));
console.log(await q(`select count(*)::int n, count(distinct (dept_id, coalesce(user_id,0)))::int rows from sales_plan_cells c join sales_plans p on p.id=c.plan_id where p.plan_version=1`));
console.log(await q(`select u.username, to_char(w.month,'YYYY-MM') m, w.status from work_plans w join users u on u.id=w.user_id order by 2,1`));
console.log(await q(`select doc_type, status from approval_instances where doc_type='sales_plan'`));
console.log(await q(`select sum(amount)::text, min(fact_date)::text from analytics_facts where kind='order' and fact_date < date_trunc('year', now())`));
await db.close();
