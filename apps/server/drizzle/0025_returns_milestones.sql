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
CREATE TABLE "sales_return_charges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_return_charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"return_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"user_id" integer NOT NULL,
	"qty" numeric(18, 4),
	"amount" numeric(18, 2) NOT NULL,
	"clerks_share" numeric(18, 2),
	"charged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sales_return_charges_kind_ck" CHECK ("sales_return_charges"."kind" in ('internal_error','storage_fee')),
	CONSTRAINT "sales_return_charges_amount_ck" CHECK ("sales_return_charges"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "sales_return_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_return_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"return_id" bigint NOT NULL,
	"delivery_line_id" bigint NOT NULL,
	"order_line_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	"batch_id" bigint,
	"qty" numeric(18, 4) NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	CONSTRAINT "sales_return_lines_qty_ck" CHECK ("sales_return_lines"."qty" > 0 and "sales_return_lines"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "sales_returns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sales_returns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"delivery_id" bigint NOT NULL,
	"kind" text DEFAULT 'return' NOT NULL,
	"reason" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"responsible_user_id" integer,
	"total_qty" numeric(18, 4) NOT NULL,
	"total_amount" numeric(18, 2) NOT NULL,
	"arrived_at" timestamp with time zone,
	"warehouse_id" integer,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"storage_fee_days" integer,
	"storage_fee" numeric(18, 2),
	"storage_fee_clerks" numeric(18, 2),
	"cost_bearer" text,
	"charge_amount" numeric(18, 2),
	"expired_loss_amount" numeric(18, 2),
	"red_invoice_id" bigint,
	"replacement_delivery_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_returns_no_unique" UNIQUE("no"),
	CONSTRAINT "sales_returns_reason_ck" CHECK ("sales_returns"."reason" in ('quality','policy','breakage','wrong_sale','wrong_purchase','customer_error')),
	CONSTRAINT "sales_returns_status_ck" CHECK ("sales_returns"."status" in ('submitted','returned','completed','rejected','withdrawn')),
	CONSTRAINT "sales_returns_qty_ck" CHECK ("sales_returns"."total_qty" > 0 and "sales_returns"."total_amount" >= 0),
	CONSTRAINT "sales_returns_arrival_ck" CHECK (("sales_returns"."arrived_at" is null) = ("sales_returns"."due_at" is null)),
	CONSTRAINT "sales_returns_arrival_wh_ck" CHECK (("sales_returns"."arrived_at" is null) = ("sales_returns"."warehouse_id" is null)),
	CONSTRAINT "sales_returns_completed_ck" CHECK (("sales_returns"."status" = 'completed') = ("sales_returns"."completed_at" is not null)
        and ("sales_returns"."status" <> 'completed' or ("sales_returns"."arrived_at" is not null and "sales_returns"."cost_bearer" is not null and "sales_returns"."storage_fee" is not null))),
	CONSTRAINT "sales_returns_bearer_ck" CHECK ("sales_returns"."cost_bearer" is null or "sales_returns"."cost_bearer" in ('company','responsible')),
	CONSTRAINT "sales_returns_kind_ck" CHECK ("sales_returns"."kind" in ('return','exchange')),
	CONSTRAINT "sales_returns_red_ck" CHECK ("sales_returns"."red_invoice_id" is null or ("sales_returns"."status" = 'completed' and "sales_returns"."kind" = 'return')),
	CONSTRAINT "sales_returns_exchange_ck" CHECK ("sales_returns"."replacement_delivery_id" is null or "sales_returns"."kind" = 'exchange')
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credits_invoice_id" bigint;--> statement-breakpoint
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
ALTER TABLE "sales_return_charges" ADD CONSTRAINT "sales_return_charges_return_id_sales_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."sales_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_charges" ADD CONSTRAINT "sales_return_charges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_lines" ADD CONSTRAINT "sales_return_lines_return_id_sales_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."sales_returns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_lines" ADD CONSTRAINT "sales_return_lines_delivery_line_id_delivery_lines_id_fk" FOREIGN KEY ("delivery_line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_lines" ADD CONSTRAINT "sales_return_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_lines" ADD CONSTRAINT "sales_return_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_return_lines" ADD CONSTRAINT "sales_return_lines_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_red_invoice_id_invoices_id_fk" FOREIGN KEY ("red_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_returns" ADD CONSTRAINT "sales_returns_replacement_delivery_id_deliveries_id_fk" FOREIGN KEY ("replacement_delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestone_process_steps_process_idx" ON "milestone_process_steps" USING btree ("process_id","seq");--> statement-breakpoint
CREATE INDEX "milestone_process_steps_open_due_idx" ON "milestone_process_steps" USING btree ("due_date","id") WHERE "milestone_process_steps"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "milestone_processes_owner_idx" ON "milestone_processes" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_dept_idx" ON "milestone_processes" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_updated_idx" ON "milestone_processes" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_processes_order_idx" ON "milestone_processes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "milestone_processes_contract_idx" ON "milestone_processes" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "milestone_processes_customer_idx" ON "milestone_processes" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "milestone_template_steps_tpl_idx" ON "milestone_template_steps" USING btree ("template_id","seq");--> statement-breakpoint
CREATE INDEX "sales_return_charges_user_idx" ON "sales_return_charges" USING btree ("user_id","charged_at");--> statement-breakpoint
CREATE INDEX "sales_return_charges_return_idx" ON "sales_return_charges" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "sales_return_lines_return_idx" ON "sales_return_lines" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "sales_return_lines_batch_idx" ON "sales_return_lines" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "sales_return_lines_dline_idx" ON "sales_return_lines" USING btree ("delivery_line_id");--> statement-breakpoint
CREATE INDEX "sales_returns_owner_updated_idx" ON "sales_returns" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_returns_dept_updated_idx" ON "sales_returns" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_returns_updated_idx" ON "sales_returns" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_returns_customer_idx" ON "sales_returns" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sales_returns_delivery_idx" ON "sales_returns" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "sales_returns_order_idx" ON "sales_returns" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "sales_returns_due_idx" ON "sales_returns" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "invoices_credits_idx" ON "invoices" USING btree ("credits_invoice_id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_red_ck" CHECK ("invoices"."total_gross" >= 0 or "invoices"."credits_invoice_id" is not null);