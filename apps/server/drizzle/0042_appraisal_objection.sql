ALTER TABLE "appraisal_result_items" DROP CONSTRAINT "appraisal_items_indicator_ck";--> statement-breakpoint
ALTER TABLE "appraisal_results" ADD COLUMN "objection_points" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "appraisal_result_items" ADD CONSTRAINT "appraisal_items_indicator_ck" CHECK ("appraisal_result_items"."indicator" in ('revenue','profit','export','complaints','discipline','returns','manual'));--> statement-breakpoint
-- Seed 000 销后退回 第二条 (…在绩效考核中体现): the default scheme gains the internal-error returns indicator,
-- its weight (10) being the cap of its deduction, as the other indicators' weights are.
UPDATE "appraisal_schemes" SET "indicators" = "indicators" || '[{"code":"returns","weight":10}]'::jsonb, "version" = "version" + 1
  WHERE "code" = 'default' AND NOT "indicators" @> '[{"code":"returns"}]'::jsonb;
