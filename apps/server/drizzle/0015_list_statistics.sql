-- Plans that do not flip (docs/adr/0004): the owner and department columns are skewed (a few
-- reps hold most customers, a manager's department half the table) and the search grams have a
-- long tail; the default 100-entry statistics misjudge both and made one list plan flip between
-- runs. 1000 entries keep the common owners, departments and grams exact in the estimates.
ALTER TABLE "customers" ALTER COLUMN "owner_id" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "owner_dept_id" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "search_grams" SET STATISTICS 1000;
