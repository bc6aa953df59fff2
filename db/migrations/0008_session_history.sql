ALTER TABLE "sessions" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_content_search_idx" ON "messages" USING gin (to_tsvector('english', "content"));--> statement-breakpoint
CREATE INDEX "sessions_project_listed_idx" ON "sessions" USING btree ("project_id","archived","pinned" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "sessions_project_empty_idx" ON "sessions" USING btree ("project_id") WHERE message_count = 0;--> statement-breakpoint
CREATE INDEX "sessions_title_search_idx" ON "sessions" USING gin (to_tsvector('english', coalesce("title", '')));