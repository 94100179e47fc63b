import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { products } from './products.schema.ts';

/** The warranty months of a product (0 = no warranty), for after-sales tickets. */
export async function productWarrantyMonths(db: DbOrTx, productId: number): Promise<number> {
  const [row] = await db.select({ m: products.warrantyMonths }).from(products).where(eq(products.id, productId));
  return row?.m ?? 0;
}
