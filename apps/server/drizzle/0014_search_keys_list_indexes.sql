DROP INDEX "customers_owner_updated_idx";--> statement-breakpoint
DROP INDEX "customers_dept_updated_idx";--> statement-breakpoint
DROP INDEX "customers_updated_idx";--> statement-breakpoint
DROP INDEX "customers_created_idx";--> statement-breakpoint
DROP INDEX "customers_class_idx";--> statement-breakpoint
DROP INDEX "customers_region_idx";--> statement-breakpoint
DROP INDEX "customers_source_idx";--> statement-breakpoint
DROP INDEX "pool_history_customer_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "contracts_created_idx" ON "contracts" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_end_sort_idx" ON "contracts" USING btree ("end_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_amount_idx" ON "contracts" USING btree ("amount" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_no_idx" ON "contracts" USING btree ("no" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_pool_entered_idx" ON "customers" USING btree ("pool_entered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."owner_id" is null;--> statement-breakpoint
CREATE INDEX "customers_pool_created_idx" ON "customers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."owner_id" is null;--> statement-breakpoint
CREATE INDEX "customers_pool_name_idx" ON "customers" USING btree ("name" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."owner_id" is null;--> statement-breakpoint
CREATE INDEX "customers_owner_live_idx" ON "customers" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_owner_class_live_idx" ON "customers" USING btree ("owner_id","class","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_dept_live_idx" ON "customers" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_dept_class_live_idx" ON "customers" USING btree ("owner_dept_id","class","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_updated_live_idx" ON "customers" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_created_live_idx" ON "customers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_name_live_idx" ON "customers" USING btree ("name" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_no_live_idx" ON "customers" USING btree ("no" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_class_live_idx" ON "customers" USING btree ("class","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_region_live_idx" ON "customers" USING btree ("region","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_source_live_idx" ON "customers" USING btree ("source","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_industry_live_idx" ON "customers" USING btree ("industry","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_search_phone_trgm_idx" ON "customers" USING gin ("search_phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_grams_idx" ON "customers" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "fdr_registered_idx" ON "front_desk_registrations" USING btree ("registered_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_created_idx" ON "opportunities" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_close_sort_idx" ON "opportunities" USING btree ("expected_close_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_amount_idx" ON "opportunities" USING btree ("amount" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_no_idx" ON "opportunities" USING btree ("no" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_name_idx" ON "opportunities" USING btree ("name" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_no_idx" ON "orders" USING btree ("no" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_requested_idx" ON "orders" USING btree ("requested_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_total_idx" ON "orders" USING btree ("total_gross" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quotes_valid_sort_idx" ON "quotes" USING btree ("valid_until" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quotes_total_idx" ON "quotes" USING btree ("total_gross" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "quotes_no_idx" ON "quotes" USING btree ("no" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pool_history_customer_idx" ON "pool_history" USING btree ("customer_id","released_at" DESC NULLS LAST,"id" DESC NULLS LAST);