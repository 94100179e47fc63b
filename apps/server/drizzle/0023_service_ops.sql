CREATE TABLE "service_ticket_charges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_ticket_charges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"description" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_ticket_charges_amount_ck" CHECK ("service_ticket_charges"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_ticket_parts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_ticket_parts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"visit_id" bigint,
	"warehouse_id" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"batch_id" bigint,
	"qty" numeric(18, 4) NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_ticket_parts_qty_ck" CHECK ("service_ticket_parts"."qty" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "service_visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" bigint NOT NULL,
	"engineer_id" integer NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"work_done" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_visits_times_ck" CHECK ("service_visits"."left_at" is null or "service_visits"."left_at" >= "service_visits"."arrived_at")
);
--> statement-breakpoint
ALTER TABLE "service_ticket_slas" ADD COLUMN "used_ms" bigint;--> statement-breakpoint
ALTER TABLE "service_ticket_slas" ADD COLUMN "warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_ticket_slas" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "training_done_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "training_done_by" integer;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "manual_handed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "manual_handed_by" integer;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "report_signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "report_signer_name" text;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "report_signed_by" integer;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD COLUMN "report_attachment_id" bigint;--> statement-breakpoint
ALTER TABLE "service_ticket_charges" ADD CONSTRAINT "service_ticket_charges_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_charges" ADD CONSTRAINT "service_ticket_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_ticket_parts" ADD CONSTRAINT "service_ticket_parts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_ticket_id_service_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."service_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_engineer_id_users_id_fk" FOREIGN KEY ("engineer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_ticket_charges_ticket_idx" ON "service_ticket_charges" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "service_ticket_parts_ticket_idx" ON "service_ticket_parts" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "service_visits_ticket_idx" ON "service_visits" USING btree ("ticket_id","arrived_at");--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_training_done_by_users_id_fk" FOREIGN KEY ("training_done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_manual_handed_by_users_id_fk" FOREIGN KEY ("manual_handed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_report_signed_by_users_id_fk" FOREIGN KEY ("report_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_ticket_slas_warn_idx" ON "service_ticket_slas" USING btree ("state","warn_at");--> statement-breakpoint
CREATE INDEX "service_tickets_line_idx" ON "service_tickets" USING btree ("delivery_line_id","id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_closed_signed_ck" CHECK ("service_tickets"."status" <> 'closed' or "service_tickets"."report_signed_at" is not null);--> statement-breakpoint
ALTER TABLE "service_tickets" ADD CONSTRAINT "service_tickets_signed_ck" CHECK (("service_tickets"."report_signed_at" is null) = ("service_tickets"."report_attachment_id" is null) and ("service_tickets"."report_signed_at" is null) = ("service_tickets"."report_signer_name" is null));