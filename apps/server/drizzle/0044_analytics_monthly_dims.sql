CREATE TABLE "analytics_monthly_product" (
	"fact_date" date NOT NULL,
	"kind" text NOT NULL,
	"rep_id" integer,
	"dept_id" integer,
	"product_id" bigint,
	"category_id" integer,
	"n" bigint DEFAULT 0 NOT NULL,
	"qty" numeric(20, 4) DEFAULT '0' NOT NULL,
	"amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"net_amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"margin_net" numeric(20, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_monthly_product_key" UNIQUE NULLS NOT DISTINCT("fact_date","kind","rep_id","dept_id","product_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_monthly_region" (
	"fact_date" date NOT NULL,
	"kind" text NOT NULL,
	"rep_id" integer,
	"dept_id" integer,
	"region" text,
	"n" bigint DEFAULT 0 NOT NULL,
	"qty" numeric(20, 4) DEFAULT '0' NOT NULL,
	"amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"net_amount" numeric(20, 2) DEFAULT '0' NOT NULL,
	"margin_net" numeric(20, 2) DEFAULT '0' NOT NULL,
	"cost" numeric(20, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_monthly_region_key" UNIQUE NULLS NOT DISTINCT("fact_date","kind","rep_id","dept_id","region")
);
--> statement-breakpoint
-- Existing facts summed into the new summaries (B8); from here on the fact writers maintain them.
INSERT INTO "analytics_monthly_product" (fact_date, kind, rep_id, dept_id, product_id, category_id, n, qty, amount, net_amount, margin_net, cost)
SELECT date_trunc('month', fact_date)::date, kind, rep_id, dept_id, product_id, category_id, sum(n), sum(qty), sum(amount),
  sum(net_amount), coalesce(sum(net_amount) filter (where cost is not null), 0), coalesce(sum(cost), 0)
FROM analytics_facts GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "analytics_monthly_region" (fact_date, kind, rep_id, dept_id, region, n, qty, amount, net_amount, margin_net, cost)
SELECT date_trunc('month', fact_date)::date, kind, rep_id, dept_id, region, sum(n), sum(qty), sum(amount),
  sum(net_amount), coalesce(sum(net_amount) filter (where cost is not null), 0), coalesce(sum(cost), 0)
FROM analytics_facts GROUP BY 1, 2, 3, 4, 5;
