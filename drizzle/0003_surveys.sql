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
ALTER TABLE "analysis_phases" ADD CONSTRAINT "analysis_phases_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_projects" ADD CONSTRAINT "analysis_projects_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_tasks" ADD CONSTRAINT "analysis_tasks_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_projects_ags_idx" ON "analysis_projects" USING btree ("ags");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_project_revision" ON "questionnaires" USING btree ("project_id","revision");