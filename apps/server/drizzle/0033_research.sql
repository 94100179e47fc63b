CREATE TABLE "competitor_lost_opportunities" (
	"competitor_id" bigint NOT NULL,
	"opportunity_id" bigint NOT NULL,
	"linked_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitor_lost_opportunities_competitor_id_opportunity_id_pk" PRIMARY KEY("competitor_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "competitor_moves" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitor_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"competitor_id" bigint NOT NULL,
	"moved_on" date NOT NULL,
	"description" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitor_offers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitor_offers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"competitor_id" bigint NOT NULL,
	"product" text NOT NULL,
	"price" numeric(18, 2) NOT NULL,
	CONSTRAINT "competitor_offers_price_ck" CHECK ("competitor_offers"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"products" text DEFAULT '' NOT NULL,
	"service_level" text NOT NULL,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitors_service_level_ck" CHECK ("competitors"."service_level" in ('excellent','good','average','poor'))
);
--> statement-breakpoint
CREATE TABLE "market_forecasts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "market_forecasts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"category_id" integer NOT NULL,
	"region" text NOT NULL,
	"market_demand" numeric(18, 4) NOT NULL,
	"demand_potential" numeric(18, 4) NOT NULL,
	"sales_potential" numeric(18, 4) NOT NULL,
	"note" text,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_forecasts_period_ck" CHECK ("market_forecasts"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "market_forecasts_qty_ck" CHECK ("market_forecasts"."market_demand" >= 0 and "market_forecasts"."demand_potential" >= 0 and "market_forecasts"."sales_potential" >= 0)
);
--> statement-breakpoint
CREATE TABLE "product_demands" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_demands_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"requester" text NOT NULL,
	"customer_id" bigint,
	"product_description" text NOT NULL,
	"quantity" numeric(18, 4) NOT NULL,
	"unit" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'registered' NOT NULL,
	"trading_company" text,
	"reported_on" date,
	"outcome" text,
	"outcome_note" text,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_demands_status_ck" CHECK ("product_demands"."status" in ('registered','reported','closed')),
	CONSTRAINT "product_demands_outcome_ck" CHECK ("product_demands"."outcome" is null or "product_demands"."outcome" in ('sourced','unavailable','declined')),
	CONSTRAINT "product_demands_reported_ck" CHECK ("product_demands"."status" = 'registered' or "product_demands"."reported_on" is not null),
	CONSTRAINT "product_demands_closed_ck" CHECK (("product_demands"."status" = 'closed') = ("product_demands"."outcome" is not null))
);
--> statement-breakpoint
CREATE TABLE "promotion_stages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotion_stages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"promotion_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"plan" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"budget" numeric(18, 2) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"cost" numeric(18, 2),
	"leads" integer,
	"deals" integer,
	"revenue" numeric(18, 2),
	"evaluated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_stages_status_ck" CHECK ("promotion_stages"."status" in ('draft','pending','approved','rejected')),
	CONSTRAINT "promotion_stages_dates_ck" CHECK ("promotion_stages"."end_date" >= "promotion_stages"."start_date"),
	CONSTRAINT "promotion_stages_budget_ck" CHECK ("promotion_stages"."budget" >= 0),
	CONSTRAINT "promotion_stages_eval_ck" CHECK ("promotion_stages"."evaluated_at" is null or "promotion_stages"."status" = 'approved'),
	CONSTRAINT "promotion_stages_deals_ck" CHECK ("promotion_stages"."deals" is null or "promotion_stages"."leads" is null or "promotion_stages"."deals" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_dates_ck" CHECK ("promotions"."end_date" >= "promotions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "research_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "research_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"title" text NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_reports_period_ck" CHECK ("research_reports"."period" ~ '^[0-9]{4}-H[12]$'),
	CONSTRAINT "research_reports_status_ck" CHECK ("research_reports"."status" in ('draft','submitted')),
	CONSTRAINT "research_reports_submitted_ck" CHECK (("research_reports"."status" = 'submitted') = ("research_reports"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "competitor_lost_opportunities" ADD CONSTRAINT "competitor_lost_opportunities_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_lost_opportunities" ADD CONSTRAINT "competitor_lost_opportunities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_lost_opportunities" ADD CONSTRAINT "competitor_lost_opportunities_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_moves" ADD CONSTRAINT "competitor_moves_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_moves" ADD CONSTRAINT "competitor_moves_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_offers" ADD CONSTRAINT "competitor_offers_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_forecasts" ADD CONSTRAINT "market_forecasts_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_forecasts" ADD CONSTRAINT "market_forecasts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_forecasts" ADD CONSTRAINT "market_forecasts_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_demands" ADD CONSTRAINT "product_demands_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_demands" ADD CONSTRAINT "product_demands_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_demands" ADD CONSTRAINT "product_demands_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_stages" ADD CONSTRAINT "promotion_stages_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_reports" ADD CONSTRAINT "research_reports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_reports" ADD CONSTRAINT "research_reports_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competitor_lost_opportunities_opp_idx" ON "competitor_lost_opportunities" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "competitor_moves_competitor_idx" ON "competitor_moves" USING btree ("competitor_id","moved_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "competitor_offers_competitor_idx" ON "competitor_offers" USING btree ("competitor_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_name_uq" ON "competitors" USING btree ("name");--> statement-breakpoint
CREATE INDEX "competitors_updated_idx" ON "competitors" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "competitors_name_trgm_idx" ON "competitors" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "market_forecasts_key_uq" ON "market_forecasts" USING btree ("period","category_id","region");--> statement-breakpoint
CREATE INDEX "market_forecasts_owner_idx" ON "market_forecasts" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "market_forecasts_dept_idx" ON "market_forecasts" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "market_forecasts_updated_idx" ON "market_forecasts" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_demands_owner_idx" ON "product_demands" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_demands_dept_idx" ON "product_demands" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_demands_updated_idx" ON "product_demands" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "product_demands_status_idx" ON "product_demands" USING btree ("status","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_stages_seq_uq" ON "promotion_stages" USING btree ("promotion_id","seq");--> statement-breakpoint
CREATE INDEX "promotions_owner_idx" ON "promotions" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "promotions_dept_idx" ON "promotions" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "promotions_updated_idx" ON "promotions" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "research_reports_owner_period_uq" ON "research_reports" USING btree ("owner_id","period");--> statement-breakpoint
CREATE INDEX "research_reports_owner_idx" ON "research_reports" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "research_reports_dept_idx" ON "research_reports" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "research_reports_updated_idx" ON "research_reports" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "research_reports_period_idx" ON "research_reports" USING btree ("period","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);