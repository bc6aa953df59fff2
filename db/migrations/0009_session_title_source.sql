CREATE TYPE "public"."session_title_source" AS ENUM('instruction', 'edits', 'user');--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "title_source" "session_title_source" DEFAULT 'instruction' NOT NULL;--> statement-breakpoint
-- Titles written before this migration: one that is not what the first instruction made
-- (db/sessions.ts titleFromInstruction, as it was) was given by a rename, and is the user's.
UPDATE "sessions" AS s SET "title_source" = 'user'
WHERE s."title" IS NOT NULL AND s."title" IS DISTINCT FROM (
  SELECT CASE WHEN char_length(t.one_line) <= 80 THEN t.one_line ELSE rtrim(left(t.one_line, 79)) || '…' END
  FROM (
    SELECT btrim(regexp_replace(m."content", '\s+', ' ', 'g')) AS one_line
    FROM "messages" AS m WHERE m."session_id" = s."id" AND m."role" = 'user' ORDER BY m."seq" LIMIT 1
  ) AS t
);
