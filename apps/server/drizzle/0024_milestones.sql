CREATE TABLE "milestone_process_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_process_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"process_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"department_id" integer,
	"due_date" date NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"completion_note" text,
	"late_notified_at" timestamp with time zone,
	CONSTRAINT "milestone_process_steps_done_ck" CHECK (("milestone_process_steps"."completed_at" is null) = ("milestone_process_steps"."completed_by" is null))
);
--> statement-breakpoint
CREATE TABLE "milestone_processes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_processes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"template_id" integer NOT NULL,
	"template_name" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"order_id" bigint,
	"contract_id" bigint,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_processes_no_unique" UNIQUE("no"),
	CONSTRAINT "milestone_processes_target_ck" CHECK (("milestone_processes"."order_id" is null) <> ("milestone_processes"."contract_id" is null)),
	CONSTRAINT "milestone_processes_status_ck" CHECK ("milestone_processes"."status" in ('active','completed')),
	CONSTRAINT "milestone_processes_done_ck" CHECK (("milestone_processes"."status" = 'completed') = ("milestone_processes"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "milestone_template_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_template_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"template_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"department_id" integer,
	"offset_days" integer NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	CONSTRAINT "milestone_template_steps_offset_ck" CHECK ("milestone_template_steps"."offset_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "milestone_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "milestone_process_steps" ADD CONSTRAINT "milestone_process_steps_process_id_milestone_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."milestone_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_process_steps" ADD CONSTRAINT "milestone_process_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_process_steps" ADD CONSTRAINT "milestone_process_steps_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_template_id_milestone_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."milestone_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_processes" ADD CONSTRAINT "milestone_processes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_template_steps" ADD CONSTRAINT "milestone_template_steps_template_id_milestone_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."milestone_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_template_steps" ADD CONSTRAINT "milestone_template_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestone_process_steps_process_idx" ON "milestone_process_steps" USING btree ("process_id","seq");--> statement-breakpoint
CREATE INDEX "milestone_process_steps_open_due_idx" ON "milestone_process_steps" USING btree ("due_date") WHERE "milestone_process_steps"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "milestone_processes_owner_idx" ON "milestone_processes" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_dept_idx" ON "milestone_processes" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_updated_idx" ON "milestone_processes" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_order_idx" ON "milestone_processes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "milestone_processes_contract_idx" ON "milestone_processes" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "milestone_processes_customer_idx" ON "milestone_processes" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_template_steps_tpl_idx" ON "milestone_template_steps" USING btree ("template_id","seq");