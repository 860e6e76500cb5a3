CREATE TABLE "crime_figures" (
	"import_id" uuid NOT NULL,
	"area_level" text NOT NULL,
	"area_ags" text NOT NULL,
	"year" integer NOT NULL,
	"offence_key" text NOT NULL,
	"offence_label" text NOT NULL,
	"cases" integer NOT NULL,
	"attempts" integer,
	"solved" integer NOT NULL,
	"suspects" integer,
	"published_rate" double precision,
	"published_clearance_rate" double precision,
	"current" boolean DEFAULT true NOT NULL,
	CONSTRAINT "crime_figures_import_id_area_ags_year_offence_key_pk" PRIMARY KEY("import_id","area_ags","year","offence_key")
);
--> statement-breakpoint
CREATE TABLE "crime_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" text NOT NULL,
	"years" jsonb NOT NULL,
	"source" text NOT NULL,
	"version" text NOT NULL,
	"file_name" text NOT NULL,
	"file_key" text NOT NULL,
	"encoding" text NOT NULL,
	"rows_imported" integer NOT NULL,
	"rows_skipped" integer NOT NULL,
	"police_directorate_id" text,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "stratum_key" text;--> statement-breakpoint
ALTER TABLE "crime_figures" ADD CONSTRAINT "crime_figures_import_id_crime_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."crime_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crime_figures_area_idx" ON "crime_figures" USING btree ("area_ags","year");--> statement-breakpoint
CREATE INDEX "crime_figures_key_idx" ON "crime_figures" USING btree ("offence_key","year");