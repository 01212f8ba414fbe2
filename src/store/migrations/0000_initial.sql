CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"leitweg_id" text,
	"land" text,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tax_number" text,
	"vat_id" text,
	"iban" text,
	"bic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_instances" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"title" text,
	"payer_id" text,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_instances_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content_hash" text NOT NULL,
	"document" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"client_id" text NOT NULL,
	"agreement_instance_id" text NOT NULL,
	"payer_id" text,
	"start" date NOT NULL,
	"end" date,
	"access_status" text DEFAULT 'regular' NOT NULL,
	"need_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "cost_coverages" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"payer_id" text,
	"file_reference" text,
	"from" date NOT NULL,
	"to" date,
	"decided_on" date,
	"components" jsonb,
	"approved_volume" jsonb,
	"kind" text DEFAULT 'costCoverageDeclaration' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_coverages_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "gesamtplans" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"date" date NOT NULL,
	"planned_update" date,
	"file_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gesamtplans_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "hilfeplans" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text DEFAULT 'update' NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hilfeplans_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"hilfeplan_id" text NOT NULL,
	"parent_goal_id" text,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_goals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"hilfeplan_id" text NOT NULL,
	"goal_id" text,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_measures_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_updates" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"hilfeplan_id" text NOT NULL,
	"goal_id" text,
	"date" date NOT NULL,
	"attainment" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_updates_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_entries" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"date" date NOT NULL,
	"start" text,
	"end" text,
	"minutes" integer,
	"hours" text,
	"time_kind" text DEFAULT 'direct' NOT NULL,
	"assistance_type" text,
	"mode" text DEFAULT 'inPerson' NOT NULL,
	"remote_channel" text,
	"remote_reason" text,
	"setting" text DEFAULT 'individual' NOT NULL,
	"group_size" integer,
	"consent" boolean,
	"without_person_present" boolean DEFAULT false NOT NULL,
	"staff_id" text,
	"attribution" text,
	"category" text,
	"place" text,
	"goal_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_entries_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"from" date NOT NULL,
	"to" date NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "accompaniments" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"date" date NOT NULL,
	"minutes" integer NOT NULL,
	"qualification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accompaniments_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"party" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"absence_from" date,
	"valid_to" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"crisis_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "crises" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crises_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "background_checks" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"staff_id" text NOT NULL,
	"inspected_on" date NOT NULL,
	"issued_on" date NOT NULL,
	"result" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "background_checks_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_contracts" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"staff_id" text NOT NULL,
	"from" date NOT NULL,
	"to" date,
	"weekly_hours" text NOT NULL,
	"function" text,
	"agreement_instance_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_contracts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_members_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text,
	"task_type" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"anchor_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"assignee_id" text,
	"rule_id" text,
	"source" jsonb,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "billing_holds" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"run_id" text NOT NULL,
	"payer_id" text,
	"case_id" text NOT NULL,
	"client_id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"release" text NOT NULL,
	"input_id" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"quantity" text NOT NULL,
	"unit" text NOT NULL,
	"amount_cents" bigint,
	"rule_id" text NOT NULL,
	"source" jsonb NOT NULL,
	"policies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "billing_holds_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"month" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	"case_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_runs_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"organisation_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"position" integer NOT NULL,
	"line_key" text NOT NULL,
	"case_id" text NOT NULL,
	"client_id" text NOT NULL,
	"agreement_id" text NOT NULL,
	"label" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"quantity" text NOT NULL,
	"unit" text NOT NULL,
	"unit_price" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"rate_id" text NOT NULL,
	"example_value" boolean DEFAULT false NOT NULL,
	"rule_id" text NOT NULL,
	"source" jsonb NOT NULL,
	"policies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_coverage_file_reference" text,
	CONSTRAINT "invoice_lines_organisation_id_invoice_id_position_pk" PRIMARY KEY("organisation_id","invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoice_number_counters" (
	"organisation_id" text NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "invoice_number_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"organisation_id" text NOT NULL,
	"id" text NOT NULL,
	"run_id" text,
	"payer_id" text,
	"month" text NOT NULL,
	"kind" text DEFAULT 'invoice' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"year" integer,
	"sequence" integer,
	"issue_date" date,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"cancels_invoice_id" text,
	"corrects_invoice_id" text,
	"supplementary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE INDEX "agreement_instances_organisation_id_agreement_id_index" ON "agreement_instances" USING btree ("organisation_id","agreement_id");--> statement-breakpoint
CREATE INDEX "cases_organisation_id_client_id_index" ON "cases" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "cases_organisation_id_agreement_instance_id_index" ON "cases" USING btree ("organisation_id","agreement_instance_id");--> statement-breakpoint
CREATE INDEX "clients_organisation_id_name_index" ON "clients" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "cost_coverages_organisation_id_case_id_index" ON "cost_coverages" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "gesamtplans_organisation_id_case_id_index" ON "gesamtplans" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "hilfeplans_organisation_id_case_id_index" ON "hilfeplans" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "plan_goals_organisation_id_hilfeplan_id_index" ON "plan_goals" USING btree ("organisation_id","hilfeplan_id");--> statement-breakpoint
CREATE INDEX "plan_measures_organisation_id_hilfeplan_id_index" ON "plan_measures" USING btree ("organisation_id","hilfeplan_id");--> statement-breakpoint
CREATE INDEX "plan_updates_organisation_id_hilfeplan_id_index" ON "plan_updates" USING btree ("organisation_id","hilfeplan_id");--> statement-breakpoint
CREATE INDEX "service_entries_organisation_id_date_index" ON "service_entries" USING btree ("organisation_id","date");--> statement-breakpoint
CREATE INDEX "service_entries_organisation_id_case_id_date_index" ON "service_entries" USING btree ("organisation_id","case_id","date");--> statement-breakpoint
CREATE INDEX "absences_organisation_id_case_id_index" ON "absences" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "accompaniments_organisation_id_case_id_index" ON "accompaniments" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "case_events_organisation_id_case_id_index" ON "case_events" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "consents_organisation_id_case_id_index" ON "consents" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "contacts_organisation_id_case_id_index" ON "contacts" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "crises_organisation_id_case_id_index" ON "crises" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "background_checks_organisation_id_staff_id_index" ON "background_checks" USING btree ("organisation_id","staff_id");--> statement-breakpoint
CREATE INDEX "staff_contracts_organisation_id_staff_id_index" ON "staff_contracts" USING btree ("organisation_id","staff_id");--> statement-breakpoint
CREATE INDEX "tasks_organisation_id_case_id_index" ON "tasks" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "tasks_organisation_id_due_date_index" ON "tasks" USING btree ("organisation_id","due_date");--> statement-breakpoint
CREATE INDEX "billing_holds_organisation_id_run_id_index" ON "billing_holds" USING btree ("organisation_id","run_id");--> statement-breakpoint
CREATE INDEX "billing_runs_organisation_id_month_index" ON "billing_runs" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_organisation_id_number_index" ON "invoices" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "invoices_organisation_id_month_index" ON "invoices" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "invoices_organisation_id_run_id_index" ON "invoices" USING btree ("organisation_id","run_id");