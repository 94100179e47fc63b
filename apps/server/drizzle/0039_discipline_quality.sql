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
CREATE TABLE "audit_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"audit_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"clause" text,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_findings_severity_ck" CHECK ("audit_findings"."severity" in ('major','minor','observation'))
);
--> statement-breakpoint
CREATE TABLE "capas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "capas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"audit_id" bigint NOT NULL,
	"finding_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"root_cause" text,
	"action" text NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"implementation_note" text,
	"implemented_at" timestamp with time zone,
	"verifier_id" integer,
	"verification_note" text,
	"closed_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capas_no_unique" UNIQUE("no"),
	CONSTRAINT "capas_kind_ck" CHECK ("capas"."kind" in ('corrective','preventive')),
	CONSTRAINT "capas_status_ck" CHECK ("capas"."status" in ('open','implemented','closed')),
	CONSTRAINT "capas_implemented_ck" CHECK ("capas"."status" = 'open' or "capas"."implementation_note" is not null),
	CONSTRAINT "capas_closed_ck" CHECK ("capas"."status" <> 'closed' or ("capas"."verifier_id" is not null and "capas"."verifier_id" <> "capas"."owner_id"
        and "capas"."verification_note" is not null and "capas"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "controlled_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "controlled_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "controlled_documents_code_unique" UNIQUE("code"),
	CONSTRAINT "controlled_documents_kind_ck" CHECK ("controlled_documents"."kind" in ('procedure','work_instruction','form','regulation'))
);
--> statement-breakpoint
CREATE TABLE "document_distributions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_distributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"document_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"holder_id" integer NOT NULL,
	"copy_no" text NOT NULL,
	"issued_by" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer,
	"withdraw_reason" text,
	"replaced_by" bigint
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"document_id" bigint NOT NULL,
	"label" text NOT NULL,
	"change_no" integer NOT NULL,
	"effective_date" date NOT NULL,
	"change_summary" text,
	"status" text DEFAULT 'current' NOT NULL,
	"issued_by" integer NOT NULL,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_status_ck" CHECK ("document_versions"."status" in ('current','superseded'))
);
--> statement-breakpoint
CREATE TABLE "internal_audits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "internal_audits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"no" text NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"audit_date" date NOT NULL,
	"audited_dept_id" integer NOT NULL,
	"lead_auditor_id" integer NOT NULL,
	"auditors" text,
	"conclusion" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"reported_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_audits_no_unique" UNIQUE("no"),
	CONSTRAINT "internal_audits_status_ck" CHECK ("internal_audits"."status" in ('planned','reported','closed')),
	CONSTRAINT "internal_audits_report_ck" CHECK ("internal_audits"."status" = 'planned' or "internal_audits"."conclusion" is not null)
);
--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_person_dept_id_departments_id_fk" FOREIGN KEY ("person_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_audit_id_internal_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."internal_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_audit_id_internal_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."internal_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_finding_id_audit_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."audit_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_verifier_id_users_id_fk" FOREIGN KEY ("verifier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controlled_documents" ADD CONSTRAINT "controlled_documents_owner_dept_id_departments_id_fk" FOREIGN KEY ("owner_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_document_id_controlled_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."controlled_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_holder_id_users_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_distributions" ADD CONSTRAINT "document_distributions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_controlled_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."controlled_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_audited_dept_id_departments_id_fk" FOREIGN KEY ("audited_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_lead_auditor_id_users_id_fk" FOREIGN KEY ("lead_auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discipline_records_list_idx" ON "discipline_records" USING btree ("occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "discipline_records_person_idx" ON "discipline_records" USING btree ("person_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "discipline_records_dept_idx" ON "discipline_records" USING btree ("person_dept_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "audit_findings_seq_uq" ON "audit_findings" USING btree ("audit_id","seq");--> statement-breakpoint
CREATE INDEX "capas_list_idx" ON "capas" USING btree ("due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "capas_owner_idx" ON "capas" USING btree ("owner_id","due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "capas_dept_idx" ON "capas" USING btree ("owner_dept_id","due_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "capas_audit_idx" ON "capas" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "capas_open_due_idx" ON "capas" USING btree ("due_date") WHERE "capas"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "controlled_documents_list_idx" ON "controlled_documents" USING btree ("code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_distributions_copy_uq" ON "document_distributions" USING btree ("document_id","copy_no");--> statement-breakpoint
CREATE UNIQUE INDEX "document_distributions_held_uq" ON "document_distributions" USING btree ("version_id","holder_id") WHERE "document_distributions"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "document_distributions_doc_idx" ON "document_distributions" USING btree ("document_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "document_distributions_holder_idx" ON "document_distributions" USING btree ("holder_id") WHERE "document_distributions"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_label_uq" ON "document_versions" USING btree ("document_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_change_uq" ON "document_versions" USING btree ("document_id","change_no");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_current_uq" ON "document_versions" USING btree ("document_id") WHERE "document_versions"."status" = 'current';--> statement-breakpoint
CREATE INDEX "internal_audits_list_idx" ON "internal_audits" USING btree ("audit_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "internal_audits_lead_idx" ON "internal_audits" USING btree ("lead_auditor_id","audit_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "internal_audits_dept_idx" ON "internal_audits" USING btree ("audited_dept_id","audit_date" DESC NULLS LAST,"id" DESC NULLS LAST);