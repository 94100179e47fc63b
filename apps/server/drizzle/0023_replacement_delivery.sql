ALTER TABLE "deliveries" ADD COLUMN "replacement_of" bigint;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "source_id" bigint;--> statement-breakpoint
ALTER TABLE "delivery_lines" ADD COLUMN "replaces_line_id" bigint;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_replacement_of_deliveries_id_fk" FOREIGN KEY ("replacement_of") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_lines" ADD CONSTRAINT "delivery_lines_replaces_line_id_delivery_lines_id_fk" FOREIGN KEY ("replaces_line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_replacement_idx" ON "deliveries" USING btree ("replacement_of") WHERE "deliveries"."replacement_of" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_source_idx" ON "deliveries" USING btree ("source_type","source_id") WHERE "deliveries"."source_type" is not null;--> statement-breakpoint
CREATE INDEX "delivery_lines_replaces_idx" ON "delivery_lines" USING btree ("replaces_line_id") WHERE "delivery_lines"."replaces_line_id" is not null;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_replacement_ck" CHECK (("deliveries"."replacement_of" is null and "deliveries"."replacement_reason" is null) or ("deliveries"."replacement_of" is not null and "deliveries"."replacement_reason" in ('complaint','exchange')));