CREATE TABLE "data_backfills" (
	"name" text PRIMARY KEY NOT NULL,
	"rows" integer NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "archived_by" integer;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "archived_by" integer;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD COLUMN "conflict_rep_id" integer;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD COLUMN "conflict_status" text;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD COLUMN "conflict_resolved_by" integer;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD COLUMN "conflict_resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD COLUMN "conflict_note" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "archived_by" integer;--> statement-breakpoint
ALTER TABLE "opportunity_proposals" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "opportunity_proposals" ADD COLUMN "archived_by" integer;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_conflict_rep_id_users_id_fk" FOREIGN KEY ("conflict_rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_conflict_resolved_by_users_id_fk" FOREIGN KEY ("conflict_resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_archived_idx" ON "customers" USING btree ("archived_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is not null;--> statement-breakpoint
CREATE INDEX "fdr_conflict_idx" ON "front_desk_registrations" USING btree ("conflict_status","reg_date" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "front_desk_registrations"."conflict_status" is not null;--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "access_log_entity_idx" ON "access_log" USING gin ("entity_ids");--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "fdr_conflict_ck" CHECK (("front_desk_registrations"."conflict_status" is null and "front_desk_registrations"."conflict_rep_id" is null) or ("front_desk_registrations"."conflict_rep_id" is not null and "front_desk_registrations"."conflict_status" in ('open','kept','reassigned')));