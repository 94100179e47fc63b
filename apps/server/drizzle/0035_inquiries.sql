CREATE TABLE "inquiries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inquiries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"contact_name" text NOT NULL,
	"company" text,
	"mobile" text,
	"email" text,
	"topic" text NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"status" text DEFAULT 'open' NOT NULL,
	"handler_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reply_due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"reply_breached_at" timestamp with time zone,
	"breach_alerted_at" timestamp with time zone,
	"customer_id" bigint,
	"opportunity_id" bigint,
	"converted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_channel_ck" CHECK ("inquiries"."channel" in ('phone', 'online', 'email', 'visit')),
	CONSTRAINT "inquiries_status_ck" CHECK ("inquiries"."status" in ('open', 'answered')),
	CONSTRAINT "inquiries_answered_ck" CHECK (("inquiries"."status" = 'answered') = ("inquiries"."answered_at" is not null and "inquiries"."answer" is not null)),
	CONSTRAINT "inquiries_due_ck" CHECK (("inquiries"."reply_due_at" is not null) = ("inquiries"."channel" = 'online'))
);
--> statement-breakpoint
CREATE TABLE "inquiry_products" (
	"inquiry_id" bigint NOT NULL,
	"product_id" bigint NOT NULL,
	CONSTRAINT "inquiry_products_inquiry_id_product_id_pk" PRIMARY KEY("inquiry_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "presale_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "presale_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"inquiry_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"product_id" bigint,
	"quantity" integer,
	"expected_return_date" date,
	"returned_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" integer,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presale_kind_ck" CHECK ("presale_requests"."kind" in ('product_info', 'technical', 'sample')),
	CONSTRAINT "presale_status_ck" CHECK ("presale_requests"."status" in ('open', 'in_progress', 'fulfilled', 'cancelled')),
	CONSTRAINT "presale_sample_ck" CHECK ("presale_requests"."kind" <> 'sample' or ("presale_requests"."product_id" is not null and "presale_requests"."quantity" > 0 and "presale_requests"."expected_return_date" is not null)),
	CONSTRAINT "presale_returned_ck" CHECK ("presale_requests"."returned_at" is null or ("presale_requests"."kind" = 'sample' and "presale_requests"."status" = 'fulfilled'))
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_products" ADD CONSTRAINT "inquiry_products_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_products" ADD CONSTRAINT "inquiry_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presale_requests" ADD CONSTRAINT "presale_requests_fulfilled_by_users_id_fk" FOREIGN KEY ("fulfilled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_received_idx" ON "inquiries" USING btree ("received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inquiries_handler_idx" ON "inquiries" USING btree ("handler_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inquiries_dept_idx" ON "inquiries" USING btree ("dept_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inquiries_creator_idx" ON "inquiries" USING btree ("created_by","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inquiries_waiting_idx" ON "inquiries" USING btree ("reply_due_at") WHERE "inquiries"."answered_at" is null and "inquiries"."reply_due_at" is not null;--> statement-breakpoint
CREATE INDEX "inquiry_products_product_idx" ON "inquiry_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "presale_created_idx" ON "presale_requests" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "presale_assignee_idx" ON "presale_requests" USING btree ("assignee_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "presale_dept_idx" ON "presale_requests" USING btree ("dept_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "presale_inquiry_idx" ON "presale_requests" USING btree ("inquiry_id");--> statement-breakpoint
CREATE INDEX "presale_samples_out_idx" ON "presale_requests" USING btree ("expected_return_date") WHERE "presale_requests"."kind" = 'sample' and "presale_requests"."returned_at" is null and "presale_requests"."status" = 'fulfilled';