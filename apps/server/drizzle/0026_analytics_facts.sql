CREATE TABLE "analytics_facts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analytics_facts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"fact_date" date NOT NULL,
	"rep_id" integer,
	"dept_id" integer,
	"customer_id" bigint,
	"product_id" bigint,
	"category_id" integer,
	"region" text,
	"channel" text,
	"sub" text,
	"source_type" text NOT NULL,
	"source_id" bigint NOT NULL,
	"line_id" bigint,
	"n" integer DEFAULT 0 NOT NULL,
	"qty" numeric(18, 4) DEFAULT '0' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"net_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(18, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_facts_kind_ck" CHECK ("analytics_facts"."kind" in ('order','order_cancel','return','invoice','payment','customer','lead','lead_deal','quote','follow_up','stage'))
);
--> statement-breakpoint
CREATE TABLE "analytics_monthly" (
	"fact_date" date NOT NULL,
	"kind" text NOT NULL,
	"rep_id" integer,
	"dept_id" integer,
	"sub" text,
	"channel" text,
	"n" bigint DEFAULT 0 NOT NULL,
	"qty" numeric(20, 4) DEFAULT '0' NOT NULL,
	"amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"net_amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"margin_net" numeric(20, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_monthly_key" UNIQUE NULLS NOT DISTINCT("fact_date","kind","rep_id","dept_id","sub","channel")
);
--> statement-breakpoint
CREATE INDEX "analytics_facts_kind_date_idx" ON "analytics_facts" USING btree ("kind","fact_date");--> statement-breakpoint
CREATE INDEX "analytics_facts_rep_idx" ON "analytics_facts" USING btree ("rep_id","kind","fact_date");--> statement-breakpoint
CREATE INDEX "analytics_facts_dept_idx" ON "analytics_facts" USING btree ("dept_id","kind","fact_date");--> statement-breakpoint
CREATE INDEX "analytics_facts_source_idx" ON "analytics_facts" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "analytics_facts_line_idx" ON "analytics_facts" USING btree ("line_id") WHERE "analytics_facts"."line_id" is not null;--> statement-breakpoint
CREATE INDEX "analytics_monthly_kind_idx" ON "analytics_monthly" USING btree ("kind","fact_date");