CREATE TABLE "client_assignments" (
	"organisation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"client_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_assignments_organisation_id_user_id_client_id_pk" PRIMARY KEY("organisation_id","user_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"pending_second_factor" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"login" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"totp_secret" text,
	"oidc_subject" text,
	"client_id" text,
	"calendar_token" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"sequence" integer NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"organisation_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"at" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"address" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"client_id" text,
	"reason" text,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_entries_organisation_id_sequence_pk" PRIMARY KEY("organisation_id","sequence")
);
--> statement-breakpoint
CREATE INDEX "client_assignments_organisation_id_client_id_index" ON "client_assignments" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "sessions_organisation_id_user_id_index" ON "sessions" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_login_index" ON "users" USING btree ("login");--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_index" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_entries_organisation_id_client_id_index" ON "audit_entries" USING btree ("organisation_id","client_id");