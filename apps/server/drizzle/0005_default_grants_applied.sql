CREATE TABLE "default_grants_applied" (
	"role_code" text NOT NULL,
	"permission" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "default_grants_applied_role_code_permission_pk" PRIMARY KEY("role_code","permission")
);
