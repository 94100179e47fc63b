CREATE TABLE "dealer_reviews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dealer_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dealer_id" bigint NOT NULL,
	"month" date NOT NULL,
	"order_count" integer DEFAULT 0 NOT NULL,
	"order_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"return_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"collection_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"rating" text NOT NULL,
	"comment" text NOT NULL,
	"reward_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"reward_reason" text,
	"reviewed_by" integer NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dealer_reviews_month_uq" UNIQUE("dealer_id","month"),
	CONSTRAINT "dealer_reviews_rating_ck" CHECK ("dealer_reviews"."rating" in ('A','B','C','D')),
	CONSTRAINT "dealer_reviews_month_ck" CHECK (extract(day from "dealer_reviews"."month") = 1),
	CONSTRAINT "dealer_reviews_reward_ck" CHECK ("dealer_reviews"."reward_amount" >= 0),
	CONSTRAINT "dealer_reviews_reward_reason_ck" CHECK ("dealer_reviews"."reward_amount" = 0 or "dealer_reviews"."reward_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "dealer_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dealer_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dealer_id" bigint NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"findings" text NOT NULL,
	"next_step" text,
	"recorded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dealers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dealers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"name" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"territories" text[] DEFAULT '{}'::text[] NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"remark" text,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dealers_no_unique" UNIQUE("no"),
	CONSTRAINT "dealers_status_ck" CHECK ("dealers"."status" in ('active','suspended'))
);
--> statement-breakpoint
ALTER TABLE "dealer_reviews" ADD CONSTRAINT "dealer_reviews_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealer_reviews" ADD CONSTRAINT "dealer_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealer_visits" ADD CONSTRAINT "dealer_visits_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealer_visits" ADD CONSTRAINT "dealer_visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealer_visits" ADD CONSTRAINT "dealer_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealers" ADD CONSTRAINT "dealers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealers" ADD CONSTRAINT "dealers_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealers" ADD CONSTRAINT "dealers_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dealers" ADD CONSTRAINT "dealers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dealer_visits_dealer_idx" ON "dealer_visits" USING btree ("dealer_id","visited_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "dealers_customer_uq" ON "dealers" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "dealers_updated_idx" ON "dealers" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dealers_owner_idx" ON "dealers" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dealers_dept_idx" ON "dealers" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dealers_status_idx" ON "dealers" USING btree ("status","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dealers_no_idx" ON "dealers" USING btree ("no","id");