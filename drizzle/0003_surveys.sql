CREATE TABLE "access_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"stratum_key" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_phases" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sort_order" integer NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analysis_phases_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "analysis_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"ags" text NOT NULL,
	"title" text NOT NULL,
	"institute" text NOT NULL,
	"start_on" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"completed_on" date,
	"districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analysis_projects_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "analysis_tasks" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sort_order" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "analysis_tasks_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb NOT NULL,
	"elements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"definition" jsonb,
	"survey_json" jsonb,
	"frozen_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"serial" integer NOT NULL,
	"stratum_key" text NOT NULL,
	"salutation" text DEFAULT '' NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_items" (
	"code" text NOT NULL,
	"item_version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_items_code_item_version_pk" PRIMARY KEY("code","item_version")
);
--> statement-breakpoint
CREATE TABLE "survey_letters" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"sender" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"reminder_body" text NOT NULL,
	"signature" text NOT NULL,
	"crest_key" text,
	"crest_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_samples" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"strata_by" text NOT NULL,
	"allocation" text NOT NULL,
	"requested_size" integer NOT NULL,
	"seed" integer NOT NULL,
	"file_name" text NOT NULL,
	"encoding" text NOT NULL,
	"persons_read" integer NOT NULL,
	"under16" integer NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"letters_at" timestamp with time zone,
	"reminders_at" timestamp with time zone,
	"personal_data_deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_strata" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"district" text,
	"age_group" text,
	"sex" text,
	"population" integer NOT NULL,
	"sample_size" integer NOT NULL,
	CONSTRAINT "survey_strata_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
ALTER TABLE "access_codes" ADD CONSTRAINT "access_codes_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_phases" ADD CONSTRAINT "analysis_phases_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_projects" ADD CONSTRAINT "analysis_projects_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_tasks" ADD CONSTRAINT "analysis_tasks_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_persons" ADD CONSTRAINT "sample_persons_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_letters" ADD CONSTRAINT "survey_letters_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_strata" ADD CONSTRAINT "survey_strata_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_codes_project_idx" ON "access_codes" USING btree ("project_id","used");--> statement-breakpoint
CREATE INDEX "analysis_projects_ags_idx" ON "analysis_projects" USING btree ("ags");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_project_revision" ON "questionnaires" USING btree ("project_id","revision");--> statement-breakpoint
CREATE INDEX "sample_persons_project_idx" ON "sample_persons" USING btree ("project_id","serial");