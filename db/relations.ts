import { relations } from 'drizzle-orm';
import { clips, currentSessions, edits, messages, projects, sessions } from './schema';

/*
 * The relations Drizzle's relational queries follow (`db.query.*`): they let one statement read
 * a project with its timeline and the viewer's current conversation (db/projects/page.ts).
 * Migrations ignore them; the foreign keys are in db/schema.ts.
 */

export const projectRelations = relations(projects, ({ many }) => ({
  clips: many(clips),
  currentSessions: many(currentSessions),
}));

export const clipRelations = relations(clips, ({ one }) => ({
  project: one(projects, { fields: [clips.projectId], references: [projects.id] }),
}));

export const currentSessionRelations = relations(currentSessions, ({ one }) => ({
  project: one(projects, { fields: [currentSessions.projectId], references: [projects.id] }),
  session: one(sessions, { fields: [currentSessions.sessionId], references: [sessions.id] }),
}));

export const sessionRelations = relations(sessions, ({ one, many }) => ({
  project: one(projects, { fields: [sessions.projectId], references: [projects.id] }),
  messages: many(messages),
  edits: many(edits),
  forkedFromSession: one(sessions, { fields: [sessions.forkedFromSessionId], references: [sessions.id] }),
  forkedFromMessage: one(messages, { fields: [sessions.forkedFromMessageId], references: [messages.id] }),
}));

export const messageRelations = relations(messages, ({ one }) => ({
  session: one(sessions, { fields: [messages.sessionId], references: [sessions.id] }),
}));

export const editRelations = relations(edits, ({ one }) => ({
  session: one(sessions, { fields: [edits.sessionId], references: [sessions.id] }),
}));
