ALTER TABLE "follow_ups" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "location_accuracy" integer;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_location_ck" CHECK (("follow_ups"."latitude" is null) = ("follow_ups"."longitude" is null) and ("follow_ups"."latitude" is null or ("follow_ups"."latitude" between -90 and 90 and "follow_ups"."longitude" between -180 and 180)));