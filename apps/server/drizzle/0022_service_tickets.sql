CREATE TABLE "service_ticket_replies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_ticket_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_ticket_replies_kind_ck" CHECK ("service_ticket_replies"."kind" in ('staff_reply','visit','customer_message'))
);
--> statement-breakpoint
CREATE TABLE "service_ticket_slas" (
	"ticket_id" bigint NOT NULL,
	"metric" text NOT NULL,
	"target_ms" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"paused_ms" bigint DEFAULT 0 NOT NULL,
	"paused_since" timestamp with time zone,
	"resumed_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"state" text NOT NULL,
	CONSTRAINT "service_ticket_slas_ticket_id_metric_pk" PRIMARY KEY("ticket_id","metric"),
	CONSTRAINT "service_ticket_slas_metric_ck" CHECK ("service_ticket_slas"."metric" in ('response','resolution')),
	CONSTRAINT "service_ticket_slas_state_ck" CHECK ("service_ticket_slas"."state" in ('running','paused','met','breached'))
);
--> statement-breakpoint
CREATE TABLE "service_tickets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"priority" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"customer_id" bigint NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"product_id" bigint,
	"delivery_line_id" bigint,
	"batch_id" bigint,
	"batch_no" text,
	"serial_no" text,
	"signed_on" date,
	"warranty_until" date,
	"in_warranty" boolean DEFAULT false NOT NULL,
	"chargeable" boolean DEFAULT true NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"resolution" text,
	"wait_reason" text,
	"engineer_id" integer,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_tickets_no_unique" UNIQUE("no"),
	CONSTRAINT "service_tickets_type_ck" CHECK ("service_tickets"."type" in ('installation','training','repair','maintenance','consultation','onsite','parts')),
	CONSTRAINT "service_tickets_priority_ck" CHECK ("service_tickets"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "service_tickets_source_ck" CHECK ("service_tickets"."source" in ('hotline','online','visit','return_visit','complaint')),
	CONSTRAINT "service_tickets_status_ck" CHECK ("service_tickets"."status" in ('new','assigned','in_progress','waiting','resolved','closed')),
	CONSTRAINT "service_tickets_wait_ck" CHECK (("service_tickets"."status" = 'waiting') = ("service_tickets"."wait_reason" is not null)),
	CONSTRAINT "service_tickets_closed_ck" CHECK ("service_tickets"."status" <> 'closed' or "service_tickets"."resolved_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_policies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ticket_type" text NOT NULL,
	"priority" text NOT NULL,
	"customer_class" text,
	"response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"warn_percent" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_type_ck" CHECK ("sla_policies"."ticket_type" in ('installation','training','repair','maintenance','consultation','onsite','parts')),
	CONSTRAINT "sla_policies_priority_ck" CHECK ("sla_policies"."priority" in ('low','normal','high','urgent')),
	CONSTRAINT "sla_policies_targets_ck" CHECK ("sla_policies"."response_minutes" > 0 and "sla_policies"."resolution_minutes" >= "sla_policies"."response_minutes" and "sla_policies"."warn_percent" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "service_ticket_replies" ADD CONSTRAINT "service_ticket_replies_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_replies" ADD CONSTRAINT "service_ticket_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_slas" ADD CONSTRAINT "service_ticket_slas_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_delivery_line_id_delivery_lines_id_fk" FOREIGN KEY ("delivery_line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_engineer_id_users_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_ticket_replies_ticket_idx" ON "service_ticket_replies" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "service_ticket_slas_due_idx" ON "service_ticket_slas" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "service_tickets_owner_updated_idx" ON "service_tickets" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_tickets_dept_updated_idx" ON "service_tickets" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_tickets_updated_idx" ON "service_tickets" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_tickets_status_idx" ON "service_tickets" USING btree ("status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_tickets_engineer_idx" ON "service_tickets" USING btree ("engineer_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "service_tickets_customer_idx" ON "service_tickets" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_uq" ON "sla_policies" USING btree ("ticket_type","priority",coalesce("customer_class", ''));