CREATE TABLE "receivable_customer_subtrees" (
	"dept_id" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"invoiced" numeric(18, 2) NOT NULL,
	"received" numeric(18, 2) NOT NULL,
	"written_off" numeric(18, 2) NOT NULL,
	"unapplied" numeric(18, 2) NOT NULL,
	"outstanding" numeric(18, 2) NOT NULL,
	"documents" integer NOT NULL,
	CONSTRAINT "receivable_customer_subtrees_dept_id_customer_id_pk" PRIMARY KEY("dept_id","customer_id")
);
--> statement-breakpoint
CREATE INDEX "receivable_customer_subtrees_dept_idx" ON "receivable_customer_subtrees" USING btree ("dept_id","outstanding" DESC NULLS LAST,"customer_id");