CREATE TABLE "appraisal_result_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_result_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"result_id" bigint NOT NULL,
	"indicator" text NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"points" numeric(6, 2) NOT NULL,
	"evidence" jsonb NOT NULL,
	"note" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_items_kind_ck" CHECK ("appraisal_result_items"."kind" in ('auto','manual','adjustment')),
	CONSTRAINT "appraisal_items_indicator_ck" CHECK ("appraisal_result_items"."indicator" in ('revenue','profit','export','complaints','discipline','manual')),
	CONSTRAINT "appraisal_items_note_ck" CHECK ("appraisal_result_items"."kind" = 'auto' or "appraisal_result_items"."note" is not null)
);
--> statement-breakpoint
CREATE TABLE "appraisal_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"scheme_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"person_id" integer NOT NULL,
	"person_dept_id" integer NOT NULL,
	"base_score" numeric(6, 2) NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"rank" integer,
	"passed" boolean NOT NULL,
	"fail_streak" integer DEFAULT 0 NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledge_comment" text,
	"objection_reason" text,
	"objected_at" timestamp with time zone,
	"objection_decision" text,
	"objection_note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_results_status_ck" CHECK ("appraisal_results"."status" in ('pending','acknowledged','objected','adjusted','rejected')),
	CONSTRAINT "appraisal_results_score_ck" CHECK ("appraisal_results"."score" >= 0),
	CONSTRAINT "appraisal_results_objection_ck" CHECK ("appraisal_results"."status" not in ('objected','adjusted','rejected') or "appraisal_results"."objection_reason" is not null),
	CONSTRAINT "appraisal_results_decision_ck" CHECK ("appraisal_results"."status" not in ('adjusted','rejected') or "appraisal_results"."objection_decision" is not null)
);
--> statement-breakpoint
CREATE TABLE "appraisal_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scheme_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"dept_id" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"champion_id" integer,
	"run_by" integer NOT NULL,
	"closed_by" integer,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_runs_status_ck" CHECK ("appraisal_runs"."status" in ('open','closed')),
	CONSTRAINT "appraisal_runs_period_ck" CHECK ("appraisal_runs"."period_start" <= "appraisal_runs"."period_end"),
	CONSTRAINT "appraisal_runs_closed_ck" CHECK (("appraisal_runs"."status" = 'closed') = ("appraisal_runs"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "appraisal_schemes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appraisal_schemes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"period_kind" text DEFAULT 'month' NOT NULL,
	"indicators" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appraisal_schemes_code_unique" UNIQUE("code"),
	CONSTRAINT "appraisal_schemes_period_ck" CHECK ("appraisal_schemes"."period_kind" in ('month'))
);
--> statement-breakpoint
ALTER TABLE "appraisal_result_items" ADD CONSTRAINT "appraisal_result_items_result_id_appraisal_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."appraisal_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_result_items" ADD CONSTRAINT "appraisal_result_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD CONSTRAINT "appraisal_results_run_id_appraisal_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."appraisal_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD CONSTRAINT "appraisal_results_scheme_id_appraisal_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."appraisal_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD CONSTRAINT "appraisal_results_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD CONSTRAINT "appraisal_results_person_dept_id_departments_id_fk" FOREIGN KEY ("person_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD CONSTRAINT "appraisal_results_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD CONSTRAINT "appraisal_runs_scheme_id_appraisal_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."appraisal_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD CONSTRAINT "appraisal_runs_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD CONSTRAINT "appraisal_runs_champion_id_users_id_fk" FOREIGN KEY ("champion_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD CONSTRAINT "appraisal_runs_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD CONSTRAINT "appraisal_runs_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisal_items_result_idx" ON "appraisal_result_items" USING btree ("result_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_results_person_period_uq" ON "appraisal_results" USING btree ("scheme_id","period_start","person_id");--> statement-breakpoint
CREATE INDEX "appraisal_results_run_idx" ON "appraisal_results" USING btree ("run_id","rank");--> statement-breakpoint
CREATE INDEX "appraisal_results_person_idx" ON "appraisal_results" USING btree ("person_id","period_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "appraisal_results_dept_idx" ON "appraisal_results" USING btree ("person_dept_id","period_start" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "appraisal_runs_list_idx" ON "appraisal_runs" USING btree ("period_start" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "appraisal_runs_dept_idx" ON "appraisal_runs" USING btree ("dept_id","period_start" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- The default monthly scheme (seed 002 公司营销工作考核细则; weights per seed 003 销售业绩/客户满意度 占比):
-- each indicator loses at most its weight; the manual indicator holds the supervisor's scores.
INSERT INTO "appraisal_schemes" ("code", "name", "period_kind", "indicators") VALUES ('default', '销售服务人员月度考核', 'month',
  '[{"code":"revenue","weight":40},{"code":"profit","weight":15},{"code":"export","weight":10},{"code":"complaints","weight":20},{"code":"discipline","weight":15},{"code":"manual","weight":0}]'::jsonb);
