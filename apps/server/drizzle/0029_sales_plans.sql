CREATE TABLE "sales_plan_cells" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_plan_cells_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" bigint NOT NULL,
	"dept_id" integer NOT NULL,
	"user_id" integer,
	"month" smallint NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "sales_plan_cells_month_ck" CHECK ("sales_plan_cells"."month" between 1 and 12),
	CONSTRAINT "sales_plan_cells_values_ck" CHECK ("sales_plan_cells"."amount" >= 0 and "sales_plan_cells"."customers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"plan_version" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"target_amount" numeric(18, 2) NOT NULL,
	"target_customers" integer NOT NULL,
	"note" text,
	"based_on_id" bigint,
	"created_by" integer NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_plans_status_ck" CHECK ("sales_plans"."status" in ('draft','submitted','approved','superseded')),
	CONSTRAINT "sales_plans_target_ck" CHECK ("sales_plans"."target_amount" >= 0 and "sales_plans"."target_customers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"month" date NOT NULL,
	"goals" text NOT NULL,
	"customers" text,
	"activities" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_plans_status_ck" CHECK ("work_plans"."status" in ('draft','submitted')),
	CONSTRAINT "work_plans_submitted_ck" CHECK (("work_plans"."status" = 'submitted') = ("work_plans"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "sales_plan_cells" ADD CONSTRAINT "sales_plan_cells_plan_id_sales_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sales_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_plan_cells" ADD CONSTRAINT "sales_plan_cells_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_plan_cells" ADD CONSTRAINT "sales_plan_cells_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_plans" ADD CONSTRAINT "sales_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_plans" ADD CONSTRAINT "work_plans_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plan_cells_uq" ON "sales_plan_cells" USING btree ("plan_id","dept_id",coalesce("user_id", 0),"month");--> statement-breakpoint
CREATE INDEX "sales_plan_cells_user_idx" ON "sales_plan_cells" USING btree ("user_id","plan_id");--> statement-breakpoint
CREATE INDEX "sales_plan_cells_dept_idx" ON "sales_plan_cells" USING btree ("dept_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plans_year_version_uq" ON "sales_plans" USING btree ("year","plan_version");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plans_open_uq" ON "sales_plans" USING btree ("year") WHERE "sales_plans"."status" in ('draft','submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "sales_plans_in_force_uq" ON "sales_plans" USING btree ("year") WHERE "sales_plans"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "sales_plans_list_idx" ON "sales_plans" USING btree ("year" DESC NULLS LAST,"plan_version" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_user_month_uq" ON "work_plans" USING btree ("user_id","month");--> statement-breakpoint
CREATE INDEX "work_plans_user_idx" ON "work_plans" USING btree ("user_id","month" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "work_plans_dept_idx" ON "work_plans" USING btree ("dept_id","month" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "work_plans_month_idx" ON "work_plans" USING btree ("month" DESC NULLS LAST,"id" DESC NULLS LAST);