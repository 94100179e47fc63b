CREATE TABLE "staff_certificates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_certificates_dates_ck" CHECK ("staff_certificates"."expires_on" is null or "staff_certificates"."expires_on" >= "staff_certificates"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "staff_records" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"onboarding_status" text,
	"onboarding_started_on" date,
	"onboarding_due_on" date,
	"onboarding_passed_on" date,
	"onboarding_session_id" bigint,
	"agreement_signed_on" date,
	"agreement_file_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_records_onboarding_ck" CHECK ("staff_records"."onboarding_status" is null or "staff_records"."onboarding_status" in ('in_training','passed')),
	CONSTRAINT "staff_records_passed_ck" CHECK ("staff_records"."onboarding_status" is distinct from 'passed' or "staff_records"."onboarding_passed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_attendance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"score" numeric(4, 1),
	"passed" boolean,
	"feedback_rating" smallint,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_status_ck" CHECK ("training_attendance"."status" in ('enrolled','present','absent')),
	CONSTRAINT "training_attendance_score_ck" CHECK ("training_attendance"."score" is null or ("training_attendance"."score" between 0 and 100)),
	CONSTRAINT "training_attendance_absent_ck" CHECK ("training_attendance"."status" = 'present' or ("training_attendance"."score" is null and "training_attendance"."passed" is null)),
	CONSTRAINT "training_attendance_rating_ck" CHECK ("training_attendance"."feedback_rating" is null or "training_attendance"."feedback_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "training_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"goals" text NOT NULL,
	"content" text NOT NULL,
	"method" text NOT NULL,
	"trainer" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plans_kind_ck" CHECK ("training_plans"."kind" in ('onboarding','in_service')),
	CONSTRAINT "training_plans_method_ck" CHECK ("training_plans"."method" in ('internal','external','online','case_study','simulation')),
	CONSTRAINT "training_plans_dates_ck" CHECK ("training_plans"."ends_on" >= "training_plans"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" bigint NOT NULL,
	"topic" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"trainer" text,
	"assessment_method" text DEFAULT 'exam' NOT NULL,
	"pass_score" numeric(4, 1) DEFAULT '60' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_status_ck" CHECK ("training_sessions"."status" in ('scheduled','completed')),
	CONSTRAINT "training_sessions_assessment_ck" CHECK ("training_sessions"."assessment_method" in ('exam','practical','survey','feedback')),
	CONSTRAINT "training_sessions_time_ck" CHECK ("training_sessions"."ends_at" > "training_sessions"."starts_at"),
	CONSTRAINT "training_sessions_pass_ck" CHECK ("training_sessions"."pass_score" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_records" ADD CONSTRAINT "staff_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_records" ADD CONSTRAINT "staff_records_onboarding_session_id_training_sessions_id_fk" FOREIGN KEY ("onboarding_session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_certificates_user_idx" ON "staff_certificates" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "staff_certificates_expiry_idx" ON "staff_certificates" USING btree ("expires_on") WHERE "staff_certificates"."expires_on" is not null;--> statement-breakpoint
CREATE INDEX "staff_records_in_training_idx" ON "staff_records" USING btree ("user_id") WHERE "staff_records"."onboarding_status" = 'in_training';--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "training_attendance_user_idx" ON "training_attendance" USING btree ("user_id","session_id");--> statement-breakpoint
CREATE INDEX "training_plans_list_idx" ON "training_plans" USING btree ("starts_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "training_plans_owner_idx" ON "training_plans" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "training_plans_dept_idx" ON "training_plans" USING btree ("owner_dept_id");--> statement-breakpoint
CREATE INDEX "training_sessions_plan_idx" ON "training_sessions" USING btree ("plan_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_time_idx" ON "training_sessions" USING btree ("starts_at");