-- Tokens made before scopes keep full access (ADMIN), every project and no expiry until revoked;
-- new tokens name their scope, so the column keeps no default.
CREATE TYPE "public"."token_scope" AS ENUM('READ', 'WRITE', 'ADMIN');--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "scope" "token_scope" DEFAULT 'ADMIN' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_tokens" ALTER COLUMN "scope" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "project_ids" uuid[];--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "expires_at" timestamp (3) with time zone;
