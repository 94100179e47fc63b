CREATE TABLE "tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"ref_type" text,
	"ref_id" bigint,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"dedupe_key" text NOT NULL,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "tasks_status_ck" CHECK ("tasks"."status" in ('open','done','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_status_ck" CHECK ("mail_outbox"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"name" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"pipeline_id" integer NOT NULL,
	"stage_id" integer NOT NULL,
	"last_open_stage_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"expected_close_date" date,
	"probability_override" integer,
	"lost_reason" text,
	"lost_category" text,
	"closed_on" date,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"remark" text,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "opportunities_no_unique" UNIQUE("no"),
	CONSTRAINT "opportunities_status_ck" CHECK ("opportunities"."status" in ('open','won','lost')),
	CONSTRAINT "opportunities_amount_ck" CHECK ("opportunities"."amount" >= 0),
	CONSTRAINT "opportunities_probability_ck" CHECK ("opportunities"."probability_override" is null or "opportunities"."probability_override" between 0 and 100),
	CONSTRAINT "opportunities_lost_reason_ck" CHECK ("opportunities"."status" <> 'lost' or "opportunities"."lost_reason" is not null),
	CONSTRAINT "opportunities_closed_on_ck" CHECK (("opportunities"."status" = 'open') = ("opportunities"."closed_on" is null))
);
--> statement-breakpoint
CREATE TABLE "opportunity_needs_analyses" (
	"opportunity_id" bigint PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_proposals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunity_proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"opportunity_id" bigint NOT NULL,
	"title" text NOT NULL,
	"items" text NOT NULL,
	"price" numeric(18, 2) NOT NULL,
	"delivery_term" text,
	"sent_on" date,
	"response" text DEFAULT 'pending' NOT NULL,
	"responded_on" date,
	"response_note" text,
	"remark" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "opportunity_proposals_response_ck" CHECK ("opportunity_proposals"."response" in ('pending','accepted','rejected')),
	CONSTRAINT "opportunity_proposals_price_ck" CHECK ("opportunity_proposals"."price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pipeline_stages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pipeline_id" integer NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "pipeline_stages_probability_ck" CHECK ("pipeline_stages"."probability" between 0 and 100),
	CONSTRAINT "pipeline_stages_kind_ck" CHECK ("pipeline_stages"."kind" in ('open','won','lost'))
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pipelines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipelines_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "pool_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pool_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"pool_id" integer NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"how" text NOT NULL,
	"actor_id" integer,
	CONSTRAINT "pool_history_how_ck" CHECK ("pool_history"."how" in ('release','reclaim','transfer'))
);
--> statement-breakpoint
CREATE TABLE "pool_members" (
	"pool_id" integer NOT NULL,
	"dept_id" integer NOT NULL,
	CONSTRAINT "pool_members_pool_id_dept_id_pk" PRIMARY KEY("pool_id","dept_id")
);
--> statement-breakpoint
CREATE TABLE "pool_reclaim_notices" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"owner_id" integer NOT NULL,
	"cycle_due" timestamp with time zone NOT NULL,
	"reclaim_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pools_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_group_members" (
	"group_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "duty_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "duty_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "duty_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"dept_id" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_rosters" (
	"group_id" integer NOT NULL,
	"duty_date" date NOT NULL,
	"user_id" integer NOT NULL,
	"position" integer NOT NULL,
	"absent" boolean DEFAULT false NOT NULL,
	CONSTRAINT "duty_rosters_group_id_duty_date_user_id_pk" PRIMARY KEY("group_id","duty_date","user_id")
);
--> statement-breakpoint
CREATE TABLE "duty_rotation" (
	"group_id" integer NOT NULL,
	"duty_date" date NOT NULL,
	"last_user_id" integer,
	"last_position" integer,
	"assigned_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_rotation_group_id_duty_date_pk" PRIMARY KEY("group_id","duty_date")
);
--> statement-breakpoint
CREATE TABLE "front_desk_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "front_desk_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"visitor_name" text NOT NULL,
	"phone" text,
	"phone_norm" text,
	"company_name" text,
	"channel" text NOT NULL,
	"intent" text,
	"budget" numeric(18, 2),
	"notes" text,
	"rep_claimed_user_id" integer,
	"rep_claimed_text" text,
	"duty_group_id" integer,
	"reg_date" date NOT NULL,
	"matched_customer_id" bigint,
	"matched_in_pool" boolean DEFAULT false NOT NULL,
	"customer_id" bigint,
	"is_new_customer" boolean DEFAULT false NOT NULL,
	"routed_to" integer NOT NULL,
	"routed_dept_id" integer NOT NULL,
	"route_reason" text NOT NULL,
	"registered_by" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"survey_flagged_at" timestamp with time zone,
	"survey_flagged_by" integer,
	"survey_rep_id" integer,
	"survey_visitor_confirmed" boolean,
	"survey_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "fdr_kind_ck" CHECK ("front_desk_registrations"."kind" in ('call','visit')),
	CONSTRAINT "fdr_reason_ck" CHECK ("front_desk_registrations"."route_reason" in ('existing_owner','claimed_rep','rotation','replacement')),
	CONSTRAINT "fdr_budget_ck" CHECK ("front_desk_registrations"."budget" is null or "front_desk_registrations"."budget" >= 0),
	CONSTRAINT "fdr_survey_ck" CHECK ("front_desk_registrations"."survey_flagged_at" is null or ("front_desk_registrations"."kind" = 'visit' and "front_desk_registrations"."survey_rep_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "replacement_grants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "replacement_grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"registration_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"granted_by" integer NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"note" text,
	"consumed_at" timestamp with time zone,
	"consumed_registration_id" bigint
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_id" integer;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_entered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_deal_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locked_by" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_last_open_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("last_open_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_needs_analyses" ADD CONSTRAINT "opportunity_needs_analyses_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_needs_analyses" ADD CONSTRAINT "opportunity_needs_analyses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_proposals" ADD CONSTRAINT "opportunity_proposals_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_proposals" ADD CONSTRAINT "opportunity_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_history" ADD CONSTRAINT "pool_history_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_history" ADD CONSTRAINT "pool_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_history" ADD CONSTRAINT "pool_history_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_history" ADD CONSTRAINT "pool_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_reclaim_notices" ADD CONSTRAINT "pool_reclaim_notices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_group_members" ADD CONSTRAINT "duty_group_members_group_id_duty_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."duty_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_group_members" ADD CONSTRAINT "duty_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_groups" ADD CONSTRAINT "duty_groups_dept_id_departments_id_fk" FOREIGN KEY ("dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_group_id_duty_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."duty_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rotation" ADD CONSTRAINT "duty_rotation_group_id_duty_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."duty_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rotation" ADD CONSTRAINT "duty_rotation_last_user_id_users_id_fk" FOREIGN KEY ("last_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_rep_claimed_user_id_users_id_fk" FOREIGN KEY ("rep_claimed_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_duty_group_id_duty_groups_id_fk" FOREIGN KEY ("duty_group_id") REFERENCES "public"."duty_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_matched_customer_id_customers_id_fk" FOREIGN KEY ("matched_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_routed_to_users_id_fk" FOREIGN KEY ("routed_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_routed_dept_id_departments_id_fk" FOREIGN KEY ("routed_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_survey_flagged_by_users_id_fk" FOREIGN KEY ("survey_flagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_registrations" ADD CONSTRAINT "front_desk_registrations_survey_rep_id_users_id_fk" FOREIGN KEY ("survey_rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_grants" ADD CONSTRAINT "replacement_grants_registration_id_front_desk_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."front_desk_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_grants" ADD CONSTRAINT "replacement_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_grants" ADD CONSTRAINT "replacement_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replacement_grants" ADD CONSTRAINT "replacement_grants_consumed_registration_id_front_desk_registrations_id_fk" FOREIGN KEY ("consumed_registration_id") REFERENCES "public"."front_desk_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_dedupe_uq" ON "tasks" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "tasks_user_open_idx" ON "tasks" USING btree ("user_id","due_date","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_user_done_idx" ON "tasks" USING btree ("user_id","done_at" DESC NULLS LAST) WHERE "tasks"."status" = 'done';--> statement-breakpoint
CREATE INDEX "tasks_ref_idx" ON "tasks" USING btree ("ref_type","ref_id");--> statement-breakpoint
CREATE INDEX "tasks_overdue_pending_idx" ON "tasks" USING btree ("due_date") WHERE "tasks"."status" = 'open' and "tasks"."overdue_notified_at" is null;--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "opportunities_owner_updated_idx" ON "opportunities" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_dept_updated_idx" ON "opportunities" USING btree ("owner_dept_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_updated_idx" ON "opportunities" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_pipeline_stage_idx" ON "opportunities" USING btree ("pipeline_id","stage_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_customer_idx" ON "opportunities" USING btree ("customer_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_status_close_idx" ON "opportunities" USING btree ("status","expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" USING btree ("expected_close_date");--> statement-breakpoint
CREATE INDEX "opportunities_search_trgm_idx" ON "opportunities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_proposals_opportunity_idx" ON "opportunity_proposals" USING btree ("opportunity_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pipeline_stages_pipeline_idx" ON "pipeline_stages" USING btree ("pipeline_id","position");--> statement-breakpoint
CREATE INDEX "pool_history_customer_idx" ON "pool_history" USING btree ("customer_id","released_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pool_history_user_idx" ON "pool_history" USING btree ("user_id","customer_id","released_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pool_members_dept_idx" ON "pool_members" USING btree ("dept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pools_name_uq" ON "pools" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "pools_default_uq" ON "pools" USING btree ("is_default") WHERE "pools"."is_default";--> statement-breakpoint
CREATE INDEX "duty_groups_dept_idx" ON "duty_groups" USING btree ("dept_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_rosters_position_uq" ON "duty_rosters" USING btree ("group_id","duty_date","position");--> statement-breakpoint
CREATE INDEX "duty_rosters_date_idx" ON "duty_rosters" USING btree ("duty_date");--> statement-breakpoint
CREATE INDEX "fdr_date_idx" ON "front_desk_registrations" USING btree ("reg_date","id");--> statement-breakpoint
CREATE INDEX "fdr_routed_idx" ON "front_desk_registrations" USING btree ("routed_to","reg_date");--> statement-breakpoint
CREATE INDEX "fdr_dept_idx" ON "front_desk_registrations" USING btree ("routed_dept_id","reg_date");--> statement-breakpoint
CREATE INDEX "fdr_survey_idx" ON "front_desk_registrations" USING btree ("survey_flagged_at") WHERE "front_desk_registrations"."survey_flagged_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "replacement_grants_registration_uq" ON "replacement_grants" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "replacement_grants_open_idx" ON "replacement_grants" USING btree ("user_id","granted_at") WHERE "replacement_grants"."consumed_at" is null;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_pool_idx" ON "customers" USING btree ("pool_id","pool_entered_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."owner_id" is null;--> statement-breakpoint
CREATE INDEX "customers_locked_idx" ON "customers" USING btree ("owner_id") WHERE "customers"."locked_at" is not null;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_owner_or_pool_ck" CHECK ("customers"."owner_id" is not null or "customers"."pool_id" is not null);--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_lock_owned_ck" CHECK ("customers"."locked_at" is null or "customers"."owner_id" is not null);