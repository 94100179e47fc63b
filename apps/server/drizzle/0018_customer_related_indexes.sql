DROP INDEX "customer_contacts_customer_idx";--> statement-breakpoint
CREATE INDEX "invoices_customer_recent_idx" ON "invoices" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_customer_recent_idx" ON "payments" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_customer_recent_idx" ON "opportunities" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customer_contacts_customer_idx" ON "customer_contacts" USING btree ("customer_id","id" DESC NULLS LAST);