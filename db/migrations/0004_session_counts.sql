ALTER TABLE "projects" ADD COLUMN "session_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Statement-level triggers with transition tables: one update per project per statement, so
-- bulk inserts (and deletes cascading from a project) stay cheap. Sessions never move between projects.
CREATE FUNCTION "projects_count_inserted_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "projects" AS p SET "session_count" = p."session_count" + added.n
  FROM (SELECT "project_id", count(*)::int AS n FROM inserted_sessions GROUP BY "project_id") AS added
  WHERE p."id" = added."project_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "projects_count_deleted_sessions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "projects" AS p SET "session_count" = p."session_count" - removed.n
  FROM (SELECT "project_id", count(*)::int AS n FROM deleted_sessions GROUP BY "project_id") AS removed
  WHERE p."id" = removed."project_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_counted_on_insert" AFTER INSERT ON "sessions"
  REFERENCING NEW TABLE AS inserted_sessions FOR EACH STATEMENT EXECUTE FUNCTION "projects_count_inserted_sessions"();
--> statement-breakpoint
CREATE TRIGGER "sessions_counted_on_delete" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS deleted_sessions FOR EACH STATEMENT EXECUTE FUNCTION "projects_count_deleted_sessions"();
--> statement-breakpoint
UPDATE "projects" AS p SET "session_count" = (SELECT count(*)::int FROM "sessions" AS s WHERE s."project_id" = p."id");
