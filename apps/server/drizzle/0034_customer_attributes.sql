CREATE TABLE "customer_saved_filters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_saved_filters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"filter" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "occupation" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "interests" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "purchase_intent" text;--> statement-breakpoint
ALTER TABLE "customer_saved_filters" ADD CONSTRAINT "customer_saved_filters_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_saved_filters" ADD CONSTRAINT "customer_saved_filters_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_saved_filters_owner_name_uq" ON "customer_saved_filters" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "customer_saved_filters_dept_idx" ON "customer_saved_filters" USING btree ("dept_id") WHERE "customer_saved_filters"."shared";--> statement-breakpoint
CREATE INDEX "customers_intent_live_idx" ON "customers" USING btree ("purchase_intent","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_occupation_live_idx" ON "customers" USING btree ("occupation","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_birth_date_live_idx" ON "customers" USING btree ("birth_date") WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_last_deal_live_idx" ON "customers" USING btree ("last_deal_at") WHERE "customers"."archived_at" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_interests_idx" ON "customers" USING gin ("interests");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_gender_ck" CHECK ("customers"."gender" is null or "customers"."gender" in ('male','female'));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_intent_ck" CHECK ("customers"."purchase_intent" is null or "customers"."purchase_intent" in ('high','medium','low','none'));