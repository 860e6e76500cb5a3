CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"order" integer NOT NULL,
	"title" text NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"paper_id" uuid,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "council_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"theme" text,
	"started_on" date,
	"ended_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_decision_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"state" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"by_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"vote_mode" text NOT NULL,
	"votes_yes" integer,
	"votes_no" integer,
	"votes_abstain" integer,
	"adopted" boolean DEFAULT true NOT NULL,
	"recommendation_id" uuid,
	"project_id" uuid,
	"track_state" text,
	"owner_person_id" uuid,
	"due_on" date,
	"track_note" text DEFAULT '' NOT NULL,
	"done_on" date,
	"reminded_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha512" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"description" text NOT NULL,
	"street_address" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"locality" text DEFAULT '' NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"location_id" uuid,
	"online_url" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'geplant' NOT NULL,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"invited_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"minutes_state" text DEFAULT 'none' NOT NULL,
	"minutes_general" text DEFAULT '' NOT NULL,
	"minutes_approved_on" date,
	"minutes_approved_in_meeting_id" uuid,
	"minutes_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text DEFAULT 'mitglied' NOT NULL,
	"voting_right" boolean DEFAULT true NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"on_behalf_of" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_papers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"paper_type" text DEFAULT 'Beschlussvorlage' NOT NULL,
	"date" date,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid,
	"form_of_address" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"given_name" text DEFAULT '' NOT NULL,
	"family_name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"organisation_type" text DEFAULT 'sonstige' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"public_consent" boolean DEFAULT false NOT NULL,
	"consent_given_on" date,
	"calendar_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"state" text DEFAULT 'entwurf' NOT NULL,
	"content" jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"pdf_key" text,
	"docx_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"adopted_on" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_state_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"state" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"ags" text NOT NULL,
	"communes" text[] NOT NULL,
	"name" text NOT NULL,
	"short_name" text DEFAULT '' NOT NULL,
	"previous_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'geplant' NOT NULL,
	"founding_resolution_on" date,
	"founding_resolution_number" text DEFAULT '' NOT NULL,
	"founding_resolution_file_id" uuid,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"office" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_paper_id_council_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."council_papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_attendance" ADD CONSTRAINT "council_attendance_person_id_council_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."council_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_bodies" ADD CONSTRAINT "council_bodies_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decision_updates" ADD CONSTRAINT "council_decision_updates_decision_id_council_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."council_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_meeting_id_council_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."council_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_agenda_item_id_council_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."council_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_decisions" ADD CONSTRAINT "council_decisions_owner_person_id_council_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."council_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_files" ADD CONSTRAINT "council_files_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_locations" ADD CONSTRAINT "council_locations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_location_id_council_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."council_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_memberships" ADD CONSTRAINT "council_memberships_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_memberships" ADD CONSTRAINT "council_memberships_body_id_council_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."council_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_memberships" ADD CONSTRAINT "council_memberships_person_id_council_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."council_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_papers" ADD CONSTRAINT "council_papers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_persons" ADD CONSTRAINT "council_persons_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_reports" ADD CONSTRAINT "council_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_rules" ADD CONSTRAINT "council_rules_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_state_changes" ADD CONSTRAINT "council_state_changes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_agenda_items_meeting_idx" ON "council_agenda_items" USING btree ("meeting_id","order");--> statement-breakpoint
CREATE UNIQUE INDEX "council_agenda_items_order_idx" ON "council_agenda_items" USING btree ("meeting_id","order") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "council_bodies_council_idx" ON "council_bodies" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_decision_updates_decision_idx" ON "council_decision_updates" USING btree ("decision_id","at");--> statement-breakpoint
CREATE INDEX "council_decisions_council_idx" ON "council_decisions" USING btree ("council_id","track_state");--> statement-breakpoint
CREATE INDEX "council_decisions_owner_idx" ON "council_decisions" USING btree ("owner_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_decisions_number_idx" ON "council_decisions" USING btree ("council_id","number");--> statement-breakpoint
CREATE INDEX "council_files_owner_idx" ON "council_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "council_files_council_idx" ON "council_files" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_locations_council_idx" ON "council_locations" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_meetings_body_idx" ON "council_meetings" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "council_memberships_body_idx" ON "council_memberships" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "council_memberships_person_idx" ON "council_memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "council_papers_council_idx" ON "council_papers" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_persons_council_idx" ON "council_persons" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "council_persons_user_idx" ON "council_persons" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_persons_calendar_idx" ON "council_persons" USING btree ("calendar_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "council_reports_year_idx" ON "council_reports" USING btree ("council_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "council_rules_number_idx" ON "council_rules" USING btree ("council_id","number");--> statement-breakpoint
CREATE INDEX "council_state_changes_council_idx" ON "council_state_changes" USING btree ("council_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "councils_code_idx" ON "councils" USING btree ("code");--> statement-breakpoint
CREATE INDEX "councils_ags_idx" ON "councils" USING btree ("ags");--> statement-breakpoint
CREATE INDEX "councils_communes_idx" ON "councils" USING gin ("communes");