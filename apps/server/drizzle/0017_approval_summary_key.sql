ALTER TABLE "approval_instances" ADD COLUMN "summary_key" text;--> statement-breakpoint
ALTER TABLE "approval_instances" ADD COLUMN "summary_params" jsonb;