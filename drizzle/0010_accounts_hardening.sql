-- Login throttling keys become keyed hashes: rows written before hold plain client addresses, so they go.
DELETE FROM "login_failures";
--> statement-breakpoint
-- Only the newest e-mailed link of a user stays valid: older unused ones go.
DELETE FROM "auth_tokens" t WHERE t."used_at" IS NULL AND EXISTS (
	SELECT 1 FROM "auth_tokens" n WHERE n."user_id" = t."user_id" AND n."created_at" > t."created_at"
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_failures_at_idx" ON "login_failures" USING btree ("at");
