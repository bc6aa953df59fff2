-- Search ranks by ts_rank over each match's vector. Stored, the vectors are computed once per
-- write instead of once per match per search (at 100k matching sessions, most of a search's time).
-- Not Drizzle columns (db/schema.ts): no row read carries them.
ALTER TABLE "sessions" ADD COLUMN "title_search" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("title", ''))) STORED;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "content_search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "content")) STORED;--> statement-breakpoint
DROP INDEX "messages_content_search_idx";--> statement-breakpoint
DROP INDEX "sessions_title_search_idx";--> statement-breakpoint
CREATE INDEX "messages_content_search_idx" ON "messages" USING gin (content_search);--> statement-breakpoint
CREATE INDEX "sessions_title_search_idx" ON "sessions" USING gin (title_search);
