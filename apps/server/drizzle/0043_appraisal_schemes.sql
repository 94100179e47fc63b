ALTER TABLE "appraisal_result_items" DROP CONSTRAINT "appraisal_items_indicator_ck";--> statement-breakpoint
ALTER TABLE "appraisal_schemes" DROP CONSTRAINT "appraisal_schemes_period_ck";--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD COLUMN "scheme_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD COLUMN "indicators" jsonb;--> statement-breakpoint
-- The default scheme's rows get their rule explicitly: seed 002's deductions; the manual row (weight 0)
-- goes, the supervisor's manual line needs no scheme row.
UPDATE "appraisal_schemes" SET "indicators" = '[{"code":"revenue","weight":40,"rule":"deduction"},{"code":"profit","weight":15,"rule":"deduction"},{"code":"export","weight":10,"rule":"deduction"},{"code":"complaints","weight":20,"rule":"deduction"},{"code":"discipline","weight":15,"rule":"deduction"}]'::jsonb
  WHERE "code" = 'default';--> statement-breakpoint
-- Existing runs keep the indicators they were computed with (the scheme at version 1).
UPDATE "appraisal_runs" r SET "indicators" = s."indicators", "scheme_version" = s."version"
  FROM "appraisal_schemes" s WHERE s."id" = r."scheme_id";--> statement-breakpoint
ALTER TABLE "appraisal_runs" ALTER COLUMN "indicators" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appraisal_result_items" ADD CONSTRAINT "appraisal_items_indicator_ck" CHECK ("appraisal_result_items"."indicator" in ('revenue','profit','export','complaints','discipline','sales_volume','new_customers','collections','growth','satisfaction','sla_response','training','manual'));--> statement-breakpoint
ALTER TABLE "appraisal_schemes" ADD CONSTRAINT "appraisal_schemes_period_ck" CHECK ("appraisal_schemes"."period_kind" in ('month','quarter','year'));
