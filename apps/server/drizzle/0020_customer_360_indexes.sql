DROP INDEX "customer_contacts_customer_idx";--> statement-breakpoint
CREATE INDEX "contracts_quote_idx" ON "contracts" USING btree ("quote_id") WHERE "contracts"."quote_id" is not null;--> statement-breakpoint
CREATE INDEX "contracts_proposal_idx" ON "contracts" USING btree ("proposal_id") WHERE "contracts"."proposal_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_customer_recent_idx" ON "invoices" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_customer_recent_idx" ON "payments" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_customer_recent_idx" ON "opportunities" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_quote_idx" ON "orders" USING btree ("quote_id") WHERE "orders"."quote_id" is not null;--> statement-breakpoint
CREATE INDEX "quotes_opportunity_idx" ON "quotes" USING btree ("opportunity_id","id" DESC NULLS LAST) WHERE "quotes"."opportunity_id" is not null;--> statement-breakpoint
CREATE INDEX "customer_contacts_customer_idx" ON "customer_contacts" USING btree ("customer_id","id" DESC NULLS LAST);