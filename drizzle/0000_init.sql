CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"changes" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_states" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_type" text,
	"scope_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'de' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"ars" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"district_ags" text NOT NULL,
	"dissolved_on" date
);
--> statement-breakpoint
CREATE TABLE "commune_group_members" (
	"group_id" uuid NOT NULL,
	"ags" text NOT NULL,
	CONSTRAINT "commune_group_members_group_id_ags_pk" PRIMARY KEY("group_id","ags")
);
--> statement-breakpoint
CREATE TABLE "commune_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commune_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "commune_population" (
	"ags" text NOT NULL,
	"reference_date" date NOT NULL,
	"population" integer NOT NULL,
	"population_male" integer NOT NULL,
	"population_female" integer NOT NULL,
	CONSTRAINT "commune_population_ags_reference_date_pk" PRIMARY KEY("ags","reference_date")
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"ags" text PRIMARY KEY NOT NULL,
	"ars" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"text_code" text NOT NULL,
	"district_ags" text NOT NULL,
	"association_ars" text,
	"population" integer NOT NULL,
	"population_male" integer NOT NULL,
	"population_female" integer NOT NULL,
	"area_km2" double precision NOT NULL,
	"postal_code" text,
	"lon" double precision,
	"lat" double precision,
	"status" text DEFAULT 'active' NOT NULL,
	"successor_ags" text,
	"valid_until" date,
	"reference_date" date NOT NULL,
	"geometry" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"ags" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"police_directorate_id" text NOT NULL,
	"geometry" jsonb
);
--> statement-breakpoint
CREATE TABLE "police_directorates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"reference_date" date NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"parsed" jsonb NOT NULL,
	"preview" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" uuid,
	"applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_district_ags_districts_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."districts"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_group_members" ADD CONSTRAINT "commune_group_members_group_id_commune_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."commune_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_group_members" ADD CONSTRAINT "commune_group_members_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_population" ADD CONSTRAINT "commune_population_ags_communes_ags_fk" FOREIGN KEY ("ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_district_ags_districts_ags_fk" FOREIGN KEY ("district_ags") REFERENCES "public"."districts"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_association_ars_associations_ars_fk" FOREIGN KEY ("association_ars") REFERENCES "public"."associations"("ars") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_successor_ags_communes_ags_fk" FOREIGN KEY ("successor_ags") REFERENCES "public"."communes"("ags") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_police_directorate_id_police_directorates_id_fk" FOREIGN KEY ("police_directorate_id") REFERENCES "public"."police_directorates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "login_failures_key_at_idx" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_unique" ON "role_assignments" USING btree ("user_id","role",coalesce("scope_type", ''),coalesce("scope_id", ''));--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_unique" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "communes_district_idx" ON "communes" USING btree ("district_ags");--> statement-breakpoint
CREATE INDEX "communes_status_idx" ON "communes" USING btree ("status");