import { bigint, integer, jsonb, numeric, text, timestamp } from 'drizzle-orm/pg-core';

/** numeric(18,2): every money column (ARCHITECTURE: exact cents, strings on the wire). */
export const moneyCol = (name: string) => numeric(name, { precision: 18, scale: 2 });
/** numeric(18,4): quantities (weights and lengths have decimals). */
export const qtyCol = (name: string) => numeric(name, { precision: 18, scale: 4 });

/**
 * The priced-line columns shared by quote, contract, order and invoice lines (SPEC 3.2):
 * net = round(qty × unitPrice × (1 − discount%)), tax = round(net × taxRate%), gross = net + tax
 * (packages/core lines.ts computes them; the rounding rule is in core money.ts).
 */
export const pricedLineColumns = () => ({
  lineNo: integer('line_no').notNull(),
  productId: bigint('product_id', { mode: 'number' }),
  productCode: text('product_code'),
  description: text('description').notNull(),
  spec: text('spec'),
  unit: text('unit').notNull(),
  attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
  qty: qtyCol('qty').notNull(),
  // Standard price of the product when the line was priced (for the below-floor check and reports).
  listPrice: moneyCol('list_price'),
  unitPrice: moneyCol('unit_price').notNull(),
  discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
  taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
  netAmount: moneyCol('net_amount').notNull(),
  taxAmount: moneyCol('tax_amount').notNull(),
  grossAmount: moneyCol('gross_amount').notNull(),
});

/** Document totals: sums of already-rounded lines. */
export const documentTotals = () => ({
  totalNet: moneyCol('total_net').notNull().default('0'),
  totalTax: moneyCol('total_tax').notNull().default('0'),
  totalGross: moneyCol('total_gross').notNull().default('0'),
});

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
