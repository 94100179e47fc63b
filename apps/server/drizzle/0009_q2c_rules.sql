ALTER TABLE "contracts" ADD COLUMN "proposal_id" bigint;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "buyer_phone" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "tendered_amount" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "change_amount" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "requires_chinese_label" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "label_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "label_checked_by" integer;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_proposal_id_opportunity_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."opportunity_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_label_checked_by_users_id_fk" FOREIGN KEY ("label_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_change_ck" CHECK (("payments"."tendered_amount" is null and "payments"."change_amount" is null) or ("payments"."tendered_amount" >= "payments"."amount" and "payments"."change_amount" = "payments"."tendered_amount" - "payments"."amount"));