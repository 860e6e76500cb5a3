CREATE TABLE "paper_entries" (
	"project_id" uuid NOT NULL,
	"sheet_no" text NOT NULL,
	"status" text NOT NULL,
	"first_answers" jsonb NOT NULL,
	"second_answers" jsonb,
	"code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_entries_project_id_sheet_no_pk" PRIMARY KEY("project_id","sheet_no")
);
--> statement-breakpoint
CREATE TABLE "paper_sheets" (
	"project_id" uuid NOT NULL,
	"sheet_no" text NOT NULL,
	CONSTRAINT "paper_sheets_project_id_sheet_no_pk" PRIMARY KEY("project_id","sheet_no")
);
--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_sheets" ADD CONSTRAINT "paper_sheets_project_id_analysis_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."analysis_projects"("id") ON DELETE cascade ON UPDATE no action;