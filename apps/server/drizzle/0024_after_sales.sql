CREATE TABLE "complaint_affected" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_affected_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"batch_id" bigint NOT NULL,
	"delivery_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"owner_id" integer NOT NULL,
	"qty" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_investigators" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaint_investigators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"complaint_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"due_date" date NOT NULL,
	"finding" text,
	"found_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_investigators_role_ck" CHECK ("complaint_investigators"."role" in ('technical','production','qa'))
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "complaints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"order_id" bigint,
	"delivery_id" bigint,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"reported_by" integer NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"quality_incident" boolean DEFAULT false NOT NULL,
	"source_type" text,
	"source_id" bigint,
	"handler_id" integer,
	"cause" text,
	"decision" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"compensation_amount" numeric(18, 2),
	"compensation_state" text DEFAULT 'none' NOT NULL,
	"ticket_id" bigint,
	"replacement_delivery_id" bigint,
	"verification_result" text,
	"verification_note" text,
	"verified_at" timestamp with time zone,
	"verified_by" integer,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_no_unique" UNIQUE("no"),
	CONSTRAINT "complaints_status_ck" CHECK ("complaints"."status" in ('open','investigating','decided','closed','cancelled')),
	CONSTRAINT "complaints_severity_ck" CHECK ("complaints"."severity" in ('general','serious')),
	CONSTRAINT "complaints_category_ck" CHECK ("complaints"."category" in ('quality','delivery','service','price','documents','other')),
	CONSTRAINT "complaints_decision_ck" CHECK ("complaints"."decision" is null or "complaints"."decision" in ('repair','replacement','compensation','explanation')),
	CONSTRAINT "complaints_comp_state_ck" CHECK ("complaints"."compensation_state" in ('none','pending','approved','rejected')),
	CONSTRAINT "complaints_decided_ck" CHECK ("complaints"."status" not in ('decided','closed') or ("complaints"."cause" is not null and "complaints"."decision" is not null)),
	CONSTRAINT "complaints_compensation_ck" CHECK (("complaints"."decision" = 'compensation') = ("complaints"."compensation_amount" is not null) and ("complaints"."compensation_amount" is null or "complaints"."compensation_amount" > 0)),
	CONSTRAINT "complaints_verified_ck" CHECK (("complaints"."status" = 'closed') = ("complaints"."verification_result" is not null) and ("complaints"."verification_result" is null or "complaints"."verification_result" in ('verified','unverified')))
);
--> statement-breakpoint
CREATE TABLE "return_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "return_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"source_type" text NOT NULL,
	"source_id" bigint,
	"delivery_id" bigint,
	"ticket_id" bigint,
	"survey_id" bigint,
	"product_id" bigint,
	"rep_id" integer,
	"engineer_id" integer,
	"subject" text NOT NULL,
	"script" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome" text,
	"satisfaction" smallint,
	"comments" text,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"complaint_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_visits_status_ck" CHECK ("return_visits"."status" in ('planned','done','cancelled')),
	CONSTRAINT "return_visits_source_ck" CHECK ("return_visits"."source_type" in ('delivery','ticket','survey','manual')),
	CONSTRAINT "return_visits_outcome_ck" CHECK ("return_visits"."outcome" is null or "return_visits"."outcome" in ('reached','unreachable','refused')),
	CONSTRAINT "return_visits_score_ck" CHECK ("return_visits"."satisfaction" is null or "return_visits"."satisfaction" between 1 and 5),
	CONSTRAINT "return_visits_done_ck" CHECK (("return_visits"."status" = 'done') = ("return_visits"."outcome" is not null) and ("return_visits"."outcome" is distinct from 'reached' or "return_visits"."satisfaction" is not null))
);
--> statement-breakpoint
CREATE TABLE "satisfaction_surveys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satisfaction_surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"script" text NOT NULL,
	"due_date" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "replacement_of" bigint;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "replacement_reason" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "source_id" bigint;--> statement-breakpoint
ALTER TABLE "delivery_lines" ADD COLUMN "replaces_line_id" bigint;--> statement-breakpoint
ALTER TABLE "complaint_affected" ADD CONSTRAINT "complaint_affected_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_affected" ADD CONSTRAINT "complaint_affected_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_affected" ADD CONSTRAINT "complaint_affected_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_affected" ADD CONSTRAINT "complaint_affected_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_affected" ADD CONSTRAINT "complaint_affected_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_investigators" ADD CONSTRAINT "complaint_investigators_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_investigators" ADD CONSTRAINT "complaint_investigators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_replacement_delivery_id_deliveries_id_fk" FOREIGN KEY ("replacement_delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_survey_id_satisfaction_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."satisfaction_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_rep_id_users_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_engineer_id_users_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_affected_uq" ON "complaint_affected" USING btree ("complaint_id","delivery_id","batch_id");--> statement-breakpoint
CREATE INDEX "complaint_affected_batch_idx" ON "complaint_affected" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_investigators_uq" ON "complaint_investigators" USING btree ("complaint_id","user_id");--> statement-breakpoint
CREATE INDEX "complaints_owner_updated_idx" ON "complaints" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_dept_updated_idx" ON "complaints" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_updated_idx" ON "complaints" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_delivery_idx" ON "complaints" USING btree ("delivery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_source_uq" ON "complaints" USING btree ("source_type","source_id") WHERE "complaints"."source_type" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "return_visits_source_uq" ON "return_visits" USING btree ("source_type","source_id") WHERE "return_visits"."source_type" in ('delivery','ticket');--> statement-breakpoint
CREATE UNIQUE INDEX "return_visits_survey_uq" ON "return_visits" USING btree ("survey_id","customer_id") WHERE "return_visits"."survey_id" is not null;--> statement-breakpoint
CREATE INDEX "return_visits_owner_due_idx" ON "return_visits" USING btree ("owner_id","due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_visits_dept_due_idx" ON "return_visits" USING btree ("owner_dept_id","due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_visits_due_idx" ON "return_visits" USING btree ("due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_visits_customer_idx" ON "return_visits" USING btree ("customer_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_visits_done_idx" ON "return_visits" USING btree ("done_at") WHERE "return_visits"."status" = 'done';--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_replacement_of_deliveries_id_fk" FOREIGN KEY ("replacement_of") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_lines" ADD CONSTRAINT "delivery_lines_replaces_line_id_delivery_lines_id_fk" FOREIGN KEY ("replaces_line_id") REFERENCES "public"."delivery_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_replacement_idx" ON "deliveries" USING btree ("replacement_of") WHERE "deliveries"."replacement_of" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_source_idx" ON "deliveries" USING btree ("source_type","source_id") WHERE "deliveries"."source_type" is not null;--> statement-breakpoint
CREATE INDEX "delivery_lines_replaces_idx" ON "delivery_lines" USING btree ("replaces_line_id") WHERE "delivery_lines"."replaces_line_id" is not null;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_replacement_ck" CHECK (("deliveries"."replacement_of" is null and "deliveries"."replacement_reason" is null) or ("deliveries"."replacement_of" is not null and "deliveries"."replacement_reason" in ('complaint','exchange')));