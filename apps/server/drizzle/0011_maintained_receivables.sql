CREATE TABLE "receivable_customer_owners" (
	"customer_id" bigint NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"invoiced" numeric(18, 2) NOT NULL,
	"received" numeric(18, 2) NOT NULL,
	"written_off" numeric(18, 2) NOT NULL,
	"unapplied" numeric(18, 2) NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"documents" integer NOT NULL,
	CONSTRAINT "receivable_customer_owners_customer_id_owner_id_pk" PRIMARY KEY("customer_id","owner_id")
);
--> statement-breakpoint
CREATE TABLE "receivable_customers" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"invoiced" numeric(18, 2) NOT NULL,
	"received" numeric(18, 2) NOT NULL,
	"written_off" numeric(18, 2) NOT NULL,
	"unapplied" numeric(18, 2) NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receivable_documents" (
	"doc_key" text PRIMARY KEY NOT NULL,
	"customer_id" bigint NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"invoiced" numeric(18, 2) NOT NULL,
	"received" numeric(18, 2) NOT NULL,
	"written_off" numeric(18, 2) NOT NULL,
	"unapplied" numeric(18, 2) NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"invoice_count" integer NOT NULL,
	"last_credit_date" date,
	CONSTRAINT "receivable_documents_balance_ck" CHECK ("receivable_documents"."invoiced" + "receivable_documents"."unapplied" = "receivable_documents"."received" + "receivable_documents"."written_off" + "receivable_documents"."outstanding")
);
--> statement-breakpoint
CREATE TABLE "receivable_due_totals" (
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"invoices" integer NOT NULL,
	CONSTRAINT "receivable_due_totals_owner_id_due_date_pk" PRIMARY KEY("owner_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "receivable_invoices" (
	"invoice_id" bigint PRIMARY KEY NOT NULL,
	"doc_key" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"order_id" bigint,
	"contract_id" bigint,
	"customer_name" text NOT NULL,
	"document_no" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"applied" numeric(18, 2) NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	CONSTRAINT "receivable_invoices_balance_ck" CHECK ("receivable_invoices"."applied" >= 0 and "receivable_invoices"."outstanding" = "receivable_invoices"."gross" - "receivable_invoices"."applied")
);
--> statement-breakpoint
ALTER TABLE "receivable_invoices" ADD CONSTRAINT "receivable_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "receivable_customer_owners_owner_idx" ON "receivable_customer_owners" USING btree ("owner_id","outstanding" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "receivable_customer_owners_dept_idx" ON "receivable_customer_owners" USING btree ("owner_dept_id","outstanding" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "receivable_customers_outstanding_idx" ON "receivable_customers" USING btree ("outstanding" DESC NULLS LAST,"customer_id");--> statement-breakpoint
CREATE INDEX "receivable_documents_credit_date_idx" ON "receivable_documents" USING btree ("last_credit_date");--> statement-breakpoint
CREATE INDEX "receivable_due_totals_dept_idx" ON "receivable_due_totals" USING btree ("owner_dept_id");--> statement-breakpoint
CREATE INDEX "receivable_invoices_doc_idx" ON "receivable_invoices" USING btree ("doc_key");--> statement-breakpoint
CREATE INDEX "receivable_invoices_arrears_idx" ON "receivable_invoices" USING btree ("customer_name" collate "zh-x-icu","customer_id","document_no","due_date","invoice_id") WHERE "receivable_invoices"."outstanding" > 0;--> statement-breakpoint
CREATE INDEX "receivable_invoices_arrears_owner_idx" ON "receivable_invoices" USING btree ("owner_id","customer_name" collate "zh-x-icu","customer_id","document_no","due_date","invoice_id") WHERE "receivable_invoices"."outstanding" > 0;--> statement-breakpoint
CREATE INDEX "receivable_invoices_arrears_dept_idx" ON "receivable_invoices" USING btree ("owner_dept_id","customer_name" collate "zh-x-icu","customer_id","document_no","due_date","invoice_id") WHERE "receivable_invoices"."outstanding" > 0;--> statement-breakpoint
CREATE INDEX "receivable_invoices_customer_idx" ON "receivable_invoices" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE INDEX "receivable_invoices_open_due_idx" ON "receivable_invoices" USING btree ("due_date") WHERE "receivable_invoices"."outstanding" > 0;