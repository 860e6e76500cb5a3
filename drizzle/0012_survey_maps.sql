ALTER TABLE "analysis_projects" ADD COLUMN "district_areas" jsonb;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD COLUMN "page" integer DEFAULT 0 NOT NULL;