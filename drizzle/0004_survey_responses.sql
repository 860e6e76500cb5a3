CREATE TABLE "survey_drafts" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"saved_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"questionnaire_revision" integer NOT NULL,
	"mode" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"submission_key" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_drafts" ADD CONSTRAINT "survey_drafts_code_hash_access_codes_code_hash_fk" FOREIGN KEY ("code_hash") REFERENCES "public"."access_codes"("code_hash") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_submission_key" ON "survey_responses" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "survey_responses_project_idx" ON "survey_responses" USING btree ("project_id","submitted_on");