CREATE TABLE "calendar_days" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_days_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_day_unique" UNIQUE("day"),
	CONSTRAINT "calendar_days_kind" CHECK ("calendar_days"."kind" in ('holiday', 'workday'))
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"day_start" smallint NOT NULL,
	"day_end" smallint NOT NULL,
	"break_start" smallint,
	"break_end" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_settings_single" CHECK ("calendar_settings"."id" = 1),
	CONSTRAINT "calendar_settings_hours" CHECK (0 <= "calendar_settings"."day_start" and "calendar_settings"."day_start" < "calendar_settings"."day_end" and "calendar_settings"."day_end" <= 1440),
	CONSTRAINT "calendar_settings_break" CHECK (("calendar_settings"."break_start" is null and "calendar_settings"."break_end" is null) or ("calendar_settings"."day_start" < "calendar_settings"."break_start" and "calendar_settings"."break_start" < "calendar_settings"."break_end" and "calendar_settings"."break_end" < "calendar_settings"."day_end"))
);
