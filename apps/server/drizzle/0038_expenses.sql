CREATE TABLE "expense_budgets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expense_budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dept_id" integer NOT NULL,
	"event_id" bigint,
	"category" text NOT NULL,
	"period_start" date,
	"period_end" date,
	"amount" numeric(18, 2) NOT NULL,
	"reserved" numeric(18, 2) DEFAULT '0' NOT NULL,
	"used" numeric(18, 2) DEFAULT '0' NOT NULL,
	"note" text,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_budgets_category_ck" CHECK ("expense_budgets"."category" in ('invitation','event','promotion','travel','entertainment')),
	CONSTRAINT "expense_budgets_amounts_ck" CHECK ("expense_budgets"."amount" >= 0 and "expense_budgets"."reserved" >= 0 and "expense_budgets"."used" >= 0),
	CONSTRAINT "expense_budgets_period_ck" CHECK (("expense_budgets"."event_id" is null and "expense_budgets"."period_start" is not null and "expense_budgets"."period_end" >= "expense_budgets"."period_start")
        or ("expense_budgets"."event_id" is not null and "expense_budgets"."period_start" is null and "expense_budgets"."period_end" is null))
);
--> statement-breakpoint
CREATE TABLE "expense_claim_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expense_claim_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"claim_id" bigint NOT NULL,
	"line_no" integer NOT NULL,
	"category" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"budget_id" bigint,
	CONSTRAINT "expense_claim_lines_category_ck" CHECK ("expense_claim_lines"."category" in ('invitation','event','promotion','travel','entertainment')),
	CONSTRAINT "expense_claim_lines_amount_ck" CHECK ("expense_claim_lines"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "expense_claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expense_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"title" text NOT NULL,
	"claimant_id" integer NOT NULL,
	"claimant_dept_id" integer NOT NULL,
	"event_id" bigint,
	"total" numeric(18, 2) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"over_budget" boolean DEFAULT false NOT NULL,
	"over_budget_reason" text,
	"overrun" numeric(18, 2) DEFAULT '0' NOT NULL,
	"reject_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"paid_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_claims_no_unique" UNIQUE("no"),
	CONSTRAINT "expense_claims_status_ck" CHECK ("expense_claims"."status" in ('draft','submitted','approved','paid','rejected')),
	CONSTRAINT "expense_claims_amounts_ck" CHECK ("expense_claims"."total" > 0 and "expense_claims"."overrun" >= 0)
);
--> statement-breakpoint
ALTER TABLE "expense_budgets" ADD CONSTRAINT "expense_budgets_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_budgets" ADD CONSTRAINT "expense_budgets_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_budgets" ADD CONSTRAINT "expense_budgets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claim_lines" ADD CONSTRAINT "expense_claim_lines_claim_id_expense_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."expense_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claim_lines" ADD CONSTRAINT "expense_claim_lines_budget_id_expense_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."expense_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_claimant_id_users_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_claimant_dept_id_departments_id_fk" FOREIGN KEY ("claimant_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_claims" ADD CONSTRAINT "expense_claims_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expense_budgets_event_uq" ON "expense_budgets" USING btree ("event_id","category") WHERE "expense_budgets"."event_id" is not null;--> statement-breakpoint
CREATE INDEX "expense_budgets_dept_idx" ON "expense_budgets" USING btree ("dept_id","category","period_start") WHERE "expense_budgets"."event_id" is null;--> statement-breakpoint
CREATE INDEX "expense_budgets_list_idx" ON "expense_budgets" USING btree ("period_start" DESC NULLS FIRST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "expense_claim_lines_uq" ON "expense_claim_lines" USING btree ("claim_id","line_no");--> statement-breakpoint
CREATE INDEX "expense_claim_lines_budget_idx" ON "expense_claim_lines" USING btree ("budget_id") WHERE "expense_claim_lines"."budget_id" is not null;--> statement-breakpoint
CREATE INDEX "expense_claim_lines_spent_idx" ON "expense_claim_lines" USING btree ("spent_on");--> statement-breakpoint
CREATE INDEX "expense_claims_list_idx" ON "expense_claims" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "expense_claims_claimant_idx" ON "expense_claims" USING btree ("claimant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "expense_claims_dept_idx" ON "expense_claims" USING btree ("claimant_dept_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "expense_claims_event_idx" ON "expense_claims" USING btree ("event_id") WHERE "expense_claims"."event_id" is not null;