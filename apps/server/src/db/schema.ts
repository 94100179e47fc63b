// Every table, for drizzle-kit and the typed client.

export * from '../modules/contracts/contracts.schema.ts';
export * from '../modules/customers/customers.schema.ts';
export * from '../modules/deliveries/deliveries.schema.ts';
export * from '../modules/finance/finance.schema.ts';
export * from '../modules/finance/receivables.schema.ts';
export * from '../modules/front-desk/front-desk.schema.ts';
export * from '../modules/opportunities/opportunities.schema.ts';
export * from '../modules/orders/orders.schema.ts';
export * from '../modules/pool/pool.schema.ts';
export * from '../modules/products/products.schema.ts';
export * from '../modules/quotes/quotes.schema.ts';
export * from '../modules/stock/stock.schema.ts';
export * from '../platform/api-tokens/api-tokens.schema.ts';
export * from '../platform/approvals/approvals.schema.ts';
export * from '../platform/audit/audit.schema.ts';
export * from '../platform/auth/auth.schema.ts';
export * from '../platform/backfills/backfills.schema.ts';
export * from '../platform/files/files.schema.ts';
export * from '../platform/idempotency/idempotency.schema.ts';
export * from '../platform/mail/mail.schema.ts';
export * from '../platform/notifications/notifications.schema.ts';
export * from '../platform/numbering/numbering.schema.ts';
export * from '../platform/org/org.schema.ts';
export * from '../platform/policies/policies.schema.ts';
export * from '../platform/tasks/tasks.schema.ts';
export * from '../platform/webhooks/webhooks.schema.ts';
