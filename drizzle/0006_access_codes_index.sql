DROP INDEX "access_codes_project_idx";--> statement-breakpoint
CREATE INDEX "access_codes_project_idx" ON "access_codes" USING btree ("project_id");