CREATE TABLE "event_budget_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_budget_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"category" text NOT NULL,
	"budget" numeric(18, 2) NOT NULL,
	"actual" numeric(18, 2) DEFAULT '0' NOT NULL,
	"note" text,
	CONSTRAINT "event_budget_lines_ck" CHECK ("event_budget_lines"."budget" >= 0 and "event_budget_lines"."actual" >= 0)
);
--> statement-breakpoint
CREATE TABLE "event_invitations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"rep_id" integer NOT NULL,
	"rep_dept_id" integer NOT NULL,
	"method" text NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"reason_note" text,
	"responded_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"token" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"seat" text,
	"gift_given_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_invitations_token_unique" UNIQUE("token"),
	CONSTRAINT "event_invitations_result_ck" CHECK ("event_invitations"."result" in ('pending','accepted','declined','undecided')),
	CONSTRAINT "event_invitations_method_ck" CHECK ("event_invitations"."method" in ('phone','sms','email','wechat','walk_in')),
	CONSTRAINT "event_invitations_reason_ck" CHECK ("event_invitations"."result" <> 'declined' or "event_invitations"."decline_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_orders" (
	"event_id" bigint NOT NULL,
	"order_id" bigint NOT NULL,
	"attributed_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_orders_event_id_order_id_pk" PRIMARY KEY("event_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"theme" text NOT NULL,
	"agenda" text,
	"speakers" text,
	"venue" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"materials" text,
	"gift_product_id" bigint,
	"gift_warehouse_id" integer,
	"responsible_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"script" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_status_ck" CHECK ("events"."status" in ('draft','submitted','approved','cancelled')),
	CONSTRAINT "events_time_ck" CHECK ("events"."ends_at" > "events"."starts_at" and "events"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "event_budget_lines" ADD CONSTRAINT "event_budget_lines_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_rep_id_users_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_rep_dept_id_departments_id_fk" FOREIGN KEY ("rep_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_orders" ADD CONSTRAINT "event_orders_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_orders" ADD CONSTRAINT "event_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_orders" ADD CONSTRAINT "event_orders_attributed_by_users_id_fk" FOREIGN KEY ("attributed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_budget_lines_event_idx" ON "event_budget_lines" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invitations_uq" ON "event_invitations" USING btree ("event_id","customer_id");--> statement-breakpoint
CREATE INDEX "event_invitations_rep_idx" ON "event_invitations" USING btree ("event_id","rep_id");--> statement-breakpoint
CREATE INDEX "event_invitations_dept_idx" ON "event_invitations" USING btree ("event_id","rep_dept_id");--> statement-breakpoint
CREATE INDEX "event_invitations_customer_idx" ON "event_invitations" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_orders_order_uq" ON "event_orders" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "events_list_idx" ON "events" USING btree ("starts_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "events_owner_idx" ON "events" USING btree ("owner_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "events_dept_idx" ON "events" USING btree ("owner_dept_id","starts_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "events_sweep_idx" ON "events" USING btree ("starts_at") WHERE "events"."status" = 'approved';