CREATE SEQUENCE "public"."history_order" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "timeline_steps" (
	"seq" bigint PRIMARY KEY DEFAULT nextval('history_order') NOT NULL,
	"project_id" uuid NOT NULL,
	"edit_id" uuid NOT NULL,
	"session_id" uuid,
	"message_id" uuid,
	"applied" boolean NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "edits" ADD COLUMN "reverted_by_edit_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "history_seq" bigint DEFAULT nextval('history_order') NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "forked_from_session_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "forked_from_message_id" uuid;--> statement-breakpoint
ALTER TABLE "timeline_steps" ADD CONSTRAINT "timeline_steps_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_steps" ADD CONSTRAINT "timeline_steps_edit_id_edits_id_fk" FOREIGN KEY ("edit_id") REFERENCES "public"."edits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_steps" ADD CONSTRAINT "timeline_steps_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_steps" ADD CONSTRAINT "timeline_steps_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "timeline_steps_project_seq_idx" ON "timeline_steps" USING btree ("project_id","seq");--> statement-breakpoint
ALTER TABLE "edits" ADD CONSTRAINT "edits_reverted_by_edit_id_edits_id_fk" FOREIGN KEY ("reverted_by_edit_id") REFERENCES "public"."edits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_forked_from_session_id_sessions_id_fk" FOREIGN KEY ("forked_from_session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_forked_from_message_id_messages_id_fk" FOREIGN KEY ("forked_from_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;