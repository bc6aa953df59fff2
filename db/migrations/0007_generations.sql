CREATE TYPE "public"."message_status" AS ENUM('pending', 'streaming', 'done', 'failed', 'stopped');--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "status" "message_status" DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "stop_requested_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "project_events" ADD COLUMN "message_id" uuid;--> statement-breakpoint
ALTER TABLE "project_events" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "summary_through_seq" integer DEFAULT 0 NOT NULL;