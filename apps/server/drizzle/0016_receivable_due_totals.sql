CREATE TABLE "receivable_due_totals" (
	"owner_id" integer NOT NULL,
	"owner_dept_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"invoices" integer NOT NULL,
	CONSTRAINT "receivable_due_totals_owner_id_due_date_pk" PRIMARY KEY("owner_id","due_date")
);
--> statement-breakpoint
CREATE INDEX "receivable_due_totals_dept_idx" ON "receivable_due_totals" USING btree ("owner_dept_id");