DROP INDEX "customers_owner_updated_idx";--> statement-breakpoint
DROP INDEX "customers_dept_updated_idx";--> statement-breakpoint
DROP INDEX "customers_updated_idx";--> statement-breakpoint
DROP INDEX "customers_created_idx";--> statement-breakpoint
DROP INDEX "customers_class_idx";--> statement-breakpoint
DROP INDEX "customers_region_idx";--> statement-breakpoint
DROP INDEX "customers_source_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_grams" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
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
CREATE INDEX "customers_search_grams_idx" ON "customers" USING gin ("search_grams");