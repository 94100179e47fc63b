ALTER TABLE "appraisal_result_items" DROP CONSTRAINT "appraisal_items_indicator_ck";--> statement-breakpoint
ALTER TABLE "appraisal_schemes" DROP CONSTRAINT "appraisal_schemes_period_ck";--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD COLUMN "scheme_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "appraisal_runs" ADD COLUMN "indicators" jsonb;--> statement-breakpoint
-- Existing runs keep the indicators they were computed with (the scheme before this migration; rows
-- without a rule are deductions).
UPDATE "appraisal_runs" r SET "indicators" = s."indicators", "scheme_version" = s."version"
  FROM "appraisal_schemes" s WHERE s."id" = r."scheme_id";--> statement-breakpoint
-- The default scheme's rows get their rule explicitly: seed 002's deductions and seed 000's internal-error
-- returns (0042). The weights are the caps of the deductions and add up to 100 like every scheme's:
-- 营业收入 40, 利润 10, 外销 10, 顾客投诉 20, 奖惩 10, 内部差错退货 10. The manual row (weight 0) goes,
-- the supervisor's manual line needs no scheme row.
UPDATE "appraisal_schemes" SET "indicators" = '[{"code":"revenue","weight":40,"rule":"deduction"},{"code":"profit","weight":10,"rule":"deduction"},{"code":"export","weight":10,"rule":"deduction"},{"code":"complaints","weight":20,"rule":"deduction"},{"code":"discipline","weight":10,"rule":"deduction"},{"code":"returns","weight":10,"rule":"deduction"}]'::jsonb,
  "version" = "version" + 1
  WHERE "code" = 'default';--> statement-breakpoint
ALTER TABLE "appraisal_runs" ALTER COLUMN "indicators" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appraisal_result_items" ADD CONSTRAINT "appraisal_items_indicator_ck" CHECK ("appraisal_result_items"."indicator" in ('revenue','profit','export','complaints','discipline','returns','sales_volume','new_customers','collections','growth','satisfaction','sla_response','training','manual'));--> statement-breakpoint
ALTER TABLE "appraisal_schemes" ADD CONSTRAINT "appraisal_schemes_period_ck" CHECK ("appraisal_schemes"."period_kind" in ('month','quarter','year'));
