ALTER TABLE "analysis_reports" ADD COLUMN "number" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Reports stored before versions were numbered: 1, 2, … per analysis in the order they were requested.
UPDATE "analysis_reports" AS r SET "number" = n.rn FROM (SELECT "id", row_number() OVER (PARTITION BY "project_id" ORDER BY "requested_at", "id") AS rn FROM "analysis_reports") AS n WHERE r."id" = n."id";--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_reports_number_idx" ON "analysis_reports" USING btree ("project_id","number");
