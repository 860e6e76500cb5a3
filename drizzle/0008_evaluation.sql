CREATE TABLE "commune_age_structure" (
	"ags" text PRIMARY KEY NOT NULL,
	"reference_date" date NOT NULL,
	"source" text NOT NULL,
	"cells" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"pdf_key" text,
	"docx_key" text,
	"pdf_bytes" integer,
	"docx_bytes" integer,
	"error" text,
	"respondents" integer
);
--> statement-breakpoint
CREATE TABLE "analysis_weightings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"design" text DEFAULT 'stratified' NOT NULL,
	"calibration" text DEFAULT 'rake' NOT NULL,
	"variables" jsonb DEFAULT '["age_group","sex"]'::jsonb NOT NULL,
	"epsilon" double precision DEFAULT 1e-7 NOT NULL,
	"max_iterations" integer DEFAULT 100 NOT NULL,
	"trim_lower" double precision,
	"trim_upper" double precision,
	"min_respondents" integer DEFAULT 10 NOT NULL,
	"min_cluster_size" integer DEFAULT 5 NOT NULL,
	"cluster_radius_m" integer DEFAULT 150 NOT NULL,
	"result" jsonb,
	"computed_at" timestamp with time zone,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"field_of_action" text NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" text DEFAULT 'mittel' NOT NULL,
	"state" text DEFAULT 'offen' NOT NULL,
	"state_note" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_age_structure" ADD CONSTRAINT "commune_age_structure_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_weightings" ADD CONSTRAINT "analysis_weightings_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_reports_project_idx" ON "analysis_reports" USING btree ("project_id","requested_at");--> statement-breakpoint
CREATE INDEX "recommendations_project_idx" ON "recommendations" USING btree ("project_id");