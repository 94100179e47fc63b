CREATE TABLE "discipline_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "discipline_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"kind" text NOT NULL,
	"person_id" integer NOT NULL,
	"person_dept_id" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"rule" text NOT NULL,
	"description" text NOT NULL,
	"loss_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"level" text,
	"repeat_count" integer,
	"level_basis" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"outcome" text,
	"decision" text,
	"compensation_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"contribution_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"fine_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"reward_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"recorded_by" integer NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledge_comment" text,
	"void_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discipline_records_no_unique" UNIQUE("no"),
	CONSTRAINT "discipline_records_kind_ck" CHECK ("discipline_records"."kind" in ('incident','reward')),
	CONSTRAINT "discipline_records_status_ck" CHECK ("discipline_records"."status" in ('draft','decided','acknowledged','void')),
	CONSTRAINT "discipline_records_level_ck" CHECK (("discipline_records"."kind" = 'incident' and "discipline_records"."level" in ('level1','level2','level3','major'))
        or ("discipline_records"."kind" = 'reward' and "discipline_records"."level" is null)),
	CONSTRAINT "discipline_records_outcome_ck" CHECK ("discipline_records"."outcome" is null or "discipline_records"."outcome" in ('warning','compensation','penalty','reward')),
	CONSTRAINT "discipline_records_amounts_ck" CHECK ("discipline_records"."loss_amount" >= 0 and "discipline_records"."compensation_amount" >= 0 and "discipline_records"."contribution_amount" >= 0
        and "discipline_records"."fine_amount" >= 0 and "discipline_records"."reward_amount" >= 0),
	CONSTRAINT "discipline_records_decided_ck" CHECK ("discipline_records"."status" in ('draft','void') or "discipline_records"."outcome" is not null),
	CONSTRAINT "discipline_records_void_ck" CHECK ("discipline_records"."status" <> 'void' or "discipline_records"."void_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_dept_id_departments_id_fk" FOREIGN KEY ("person_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discipline_records_list_idx" ON "discipline_records" USING btree ("occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "discipline_records_person_idx" ON "discipline_records" USING btree ("person_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "discipline_records_dept_idx" ON "discipline_records" USING btree ("person_dept_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);