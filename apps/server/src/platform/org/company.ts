import { asc, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { departments } from './org.schema.ts';

/** The company's name as printed on documents (甲方/卖方, 销售方, 收款单位): the root department's name. */
export async function companyName(db: DbOrTx): Promise<string> {
  const [root] = await db
    .select({ name: departments.name })
    .from(departments)
    .where(isNull(departments.parentId))
    .orderBy(asc(departments.id))
    .limit(1);
  return root?.name ?? '';
}
