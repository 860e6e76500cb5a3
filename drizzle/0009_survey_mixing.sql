CREATE TABLE "survey_pool" (
	"project_id" uuid NOT NULL,
	"questionnaire_revision" integer NOT NULL,
	"mode" text NOT NULL,
	"answers" jsonb NOT NULL,
	"stratum_key" text
);
--> statement-breakpoint
CREATE TABLE "survey_used_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"receipt" text
);
--> statement-breakpoint
ALTER TABLE "survey_drafts" DROP CONSTRAINT "survey_drafts_code_hash_access_codes_code_hash_fk";
--> statement-breakpoint
DROP INDEX "survey_responses_submission_key";--> statement-breakpoint
ALTER TABLE "analysis_projects" ADD COLUMN "mix_threshold" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD COLUMN "project_id" uuid;--> statement-breakpoint
UPDATE "survey_drafts" d SET "project_id" = c."project_id" FROM "access_codes" c WHERE c."code_hash" = d."code_hash";--> statement-breakpoint
DELETE FROM "survey_drafts" WHERE "project_id" IS NULL;--> statement-breakpoint
ALTER TABLE "survey_drafts" ALTER COLUMN "project_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_pool" ADD CONSTRAINT "survey_pool_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_used_codes" ADD CONSTRAINT "survey_used_codes_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "submission_key";--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "batch" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows stored before mixing existed shared xmin and order with their code: rewrite them in random order.
WITH d AS (DELETE FROM "survey_responses" RETURNING *) INSERT INTO "survey_responses" SELECT * FROM d ORDER BY random();--> statement-breakpoint
WITH d AS (DELETE FROM "access_codes" WHERE "used" RETURNING *) INSERT INTO "access_codes" SELECT * FROM d ORDER BY random();--> statement-breakpoint
WITH d AS (DELETE FROM "paper_sheets" RETURNING *) INSERT INTO "paper_sheets" SELECT * FROM d ORDER BY random();
