CREATE TABLE "instruction_edits" (
	"message_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"edit_id" uuid NOT NULL,
	CONSTRAINT "instruction_edits_message_id_position_pk" PRIMARY KEY("message_id","position")
);
--> statement-breakpoint
ALTER TABLE "instruction_edits" ADD CONSTRAINT "instruction_edits_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_edits" ADD CONSTRAINT "instruction_edits_edit_id_edits_id_fk" FOREIGN KEY ("edit_id") REFERENCES "public"."edits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instruction_edits_edit_idx" ON "instruction_edits" USING btree ("edit_id");--> statement-breakpoint
-- Instructions answered before this table existed: the edits each one made (what it reverted was not recorded).
INSERT INTO "instruction_edits" ("message_id", "position", "edit_id")
SELECT "message_id", (row_number() OVER (PARTITION BY "message_id" ORDER BY "created_at", "id") - 1)::int, "id"
FROM "edits" WHERE "message_id" IS NOT NULL;
