CREATE TABLE "agreement_communes" (
	"agreement_id" uuid NOT NULL,
	"ags" text NOT NULL,
	CONSTRAINT "agreement_communes_agreement_id_ags_pk" PRIMARY KEY("agreement_id","ags")
);
--> statement-breakpoint
CREATE TABLE "agreement_revisions" (
	"agreement_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"signed_on" date NOT NULL,
	"snapshot" jsonb NOT NULL,
	"scan_key" text,
	"scan_name" text,
	"scan_size" integer,
	"scan_uploaded_at" timestamp with time zone,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_revisions_agreement_id_revision_pk" PRIMARY KEY("agreement_id","revision")
);
--> statement-breakpoint
CREATE TABLE "agreement_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sections" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"subject_ags" text,
	"group_id" uuid,
	"police_directorate_id" text NOT NULL,
	"police_unit" text,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"modules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signed_on" date,
	"signed_place" text DEFAULT '' NOT NULL,
	"in_force_since" date,
	"ended_on" date,
	"end_reason" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"competencies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer DEFAULT 2 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_feedback" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"goals_reached" integer NOT NULL,
	"satisfaction" integer NOT NULL,
	"would_recommend" boolean NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ags" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_on" date NOT NULL,
	"requested_by" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coach_id" uuid,
	"coachee_user_id" uuid,
	"coachee_name" text DEFAULT '' NOT NULL,
	"matched_on" date,
	"started_on" date,
	"ended_on" date,
	"end_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commune_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ags" text NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"stage" text,
	"amount_eur" numeric(14, 2),
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_communes" (
	"consultation_id" uuid NOT NULL,
	"ags" text NOT NULL,
	CONSTRAINT "consultation_communes_consultation_id_ags_pk" PRIMARY KEY("consultation_id","ags")
);
--> statement-breakpoint
CREATE TABLE "consultation_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee" text DEFAULT '' NOT NULL,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"format" text DEFAULT 'vor_ort' NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fields_of_action" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_communes" (
	"ags" text PRIMARY KEY NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_communes" ADD CONSTRAINT "agreement_communes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_communes" ADD CONSTRAINT "agreement_communes_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_revisions" ADD CONSTRAINT "agreement_revisions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_subject_ags_communes_ags_fk" FOREIGN KEY ("subject_ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_group_id_commune_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."commune_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_police_directorate_id_police_directorates_id_fk" FOREIGN KEY ("police_directorate_id") REFERENCES "public"."police_directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaches" ADD CONSTRAINT "coaches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_feedback" ADD CONSTRAINT "coaching_feedback_process_id_coaching_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."coaching_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_processes" ADD CONSTRAINT "coaching_processes_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_processes" ADD CONSTRAINT "coaching_processes_coach_id_coaches_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."coaches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_processes" ADD CONSTRAINT "coaching_processes_coachee_user_id_users_id_fk" FOREIGN KEY ("coachee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_process_id_coaching_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."coaching_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_milestones" ADD CONSTRAINT "commune_milestones_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_communes" ADD CONSTRAINT "consultation_communes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_communes" ADD CONSTRAINT "consultation_communes_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_tasks" ADD CONSTRAINT "consultation_tasks_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_communes" ADD CONSTRAINT "model_communes_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_communes_ags_idx" ON "agreement_communes" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "agreements_state_idx" ON "agreements" USING btree ("state");--> statement-breakpoint
CREATE INDEX "agreements_in_force_idx" ON "agreements" USING btree ("in_force_since");--> statement-breakpoint
CREATE INDEX "coaching_processes_ags_idx" ON "coaching_processes" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "coaching_processes_coach_idx" ON "coaching_processes" USING btree ("coach_id");--> statement-breakpoint
CREATE INDEX "coaching_sessions_process_idx" ON "coaching_sessions" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "commune_milestones_ags_idx" ON "commune_milestones" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "commune_milestones_kind_idx" ON "commune_milestones" USING btree ("kind","occurred_on");--> statement-breakpoint
CREATE INDEX "consultation_communes_ags_idx" ON "consultation_communes" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "consultation_tasks_due_idx" ON "consultation_tasks" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "consultations_held_on_idx" ON "consultations" USING btree ("held_on");