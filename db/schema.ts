import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { TOKEN_SCOPES } from '@/lib/auth/tokenScopes';
import { TITLE_SOURCES } from '@/lib/sessionTitles';
import { CLIP_KINDS, type EditIntent, type Operation } from '@/lib/timeline/model';

/**
 * Timestamps are stored with millisecond precision so a JavaScript Date round-trips
 * exactly: keyset cursors built from them never skip or repeat a row.
 */
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
const createdAt = () =>
  instant('created_at')
    .notNull()
    .default(sql`now()`);
const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

/**
 * One counter for the order of a project's history: messages and timeline steps both draw from
 * it. Every writer holds the project's lock (db/transaction.ts), so within a project the values
 * follow commit order, and a message's value places it exactly among the steps.
 */
export const historyOrder = pgSequence('history_order');
const historySeq = (name: string) =>
  bigint(name, { mode: 'number' })
    .notNull()
    .default(sql`nextval('history_order')`);

export const users = pgTable('users', {
  id: id(),
  /** Stored lower-cased; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Null for users who only sign in through an OAuth provider. */
  passwordHash: text('password_hash'),
  /**
   * Carried in every auth session cookie issued to the user; raising it (sign out, sign out
   * everywhere) makes every cookie issued before refused at once.
   */
  authSessionVersion: integer('auth_session_version').notNull().default(0),
  createdAt: createdAt(),
});

/** OAuth identities linked to a user (next-auth runs with JWT sessions and needs no other table). */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('auth_accounts_user_idx').on(t.userId)],
);

export const projects = pgTable(
  'projects',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** How many sessions the project has; kept by statement triggers on `sessions` (migration 0004), never written by the app. */
    sessionCount: integer('session_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('projects_owner_created_idx').on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);

export const clipKind = pgEnum('clip_kind', CLIP_KINDS);

/** The project's timeline: clips ordered by position (0-based, dense). */
export const clips = pgTable(
  'clips',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    kind: clipKind('kind').notNull(),
    durationMs: integer('duration_ms').notNull(),
    fadeInMs: integer('fade_in_ms').notNull().default(0),
    fadeOutMs: integer('fade_out_ms').notNull().default(0),
    speed: doublePrecision('speed').notNull().default(1),
    volume: integer('volume').notNull().default(100),
    muted: boolean('muted').notNull().default(false),
    text: text('text'),
  },
  (t) => [index('clips_project_position_idx').on(t.projectId, t.position)],
);

export const titleSource = pgEnum('session_title_source', TITLE_SOURCES);

/** An assistant conversation ("session" in the product). */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null until the first instruction titles it. */
    title: text('title'),
    /**
     * Where the title came from (lib/sessionTitles.ts): the first instruction, a summary of the
     * session's edits (kept up to date by each instruction), or the user's rename, never replaced.
     */
    titleSource: titleSource('title_source').notNull().default('instruction'),
    messageCount: integer('message_count').notNull().default(0),
    /** Pinned sessions head the history list (the sort key is pinned, created_at, id). */
    pinned: boolean('pinned').notNull().default(false),
    /** Archived sessions leave the default history list; restoring one unarchives it. */
    archived: boolean('archived').notNull().default(false),
    /** A branch: the session and instruction its conversation was copied from (null once those are deleted). */
    forkedFromSessionId: uuid('forked_from_session_id').references((): AnyPgColumn => sessions.id, { onDelete: 'set null' }),
    forkedFromMessageId: uuid('forked_from_message_id').references((): AnyPgColumn => messages.id, { onDelete: 'set null' }),
    /**
     * Older turns folded away when the conversation outgrew the assistant's context budget
     * (lib/providers/context.ts); null until that first happens. The edit log never folds.
     */
    summary: text('summary'),
    /** The last message seq the summary covers; later messages are given to the assistant as they are. */
    summaryThroughSeq: integer('summary_through_seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: instant('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('sessions_project_created_idx').on(t.projectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The history list: one project's archived or unarchived sessions, pinned first, then newest first.
    index('sessions_project_listed_idx').on(t.projectId, t.archived, t.pinned.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Empty sessions are not listed; counting them (to subtract) reads this small index.
    index('sessions_project_empty_idx')
      .on(t.projectId)
      .where(sql`message_count = 0`),
    // History search over titles. `title_search` is a stored generated column (migration 0010:
    // to_tsvector('english', coalesce(title, ''))): ranking reads it instead of parsing every
    // matching title again. It is left out of this table's columns so no row read carries it.
    index('sessions_title_search_idx').using('gin', sql`title_search`),
  ],
);

export const messageRole = pgEnum('message_role', ['user', 'assistant']);

/**
 * Where a reply is in its life: `pending` (instruction stored, assistant not yet answering),
 * `streaming` (text arriving), then `done`, `failed` (provider error, timeout, server gone) or
 * `stopped` (stopGeneration). User messages and every message from before generations are `done`.
 */
export const MESSAGE_STATUSES = ['pending', 'streaming', 'done', 'failed', 'stopped'] as const;
export const messageStatus = pgEnum('message_status', MESSAGE_STATUSES);
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messages = pgTable(
  'messages',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the session, with no gaps. */
    seq: integer('seq').notNull(),
    role: messageRole('role').notNull(),
    content: text('content').notNull(),
    /** Set by the client on user messages so a retried send writes nothing twice. */
    clientMessageId: text('client_message_id'),
    /** On an assistant reply: the instruction it answers. */
    replyToId: uuid('reply_to_id'),
    /**
     * Where the message sits in the project's history (see historyOrder). A branch's copy keeps
     * the original's value: it stands for the same moment.
     */
    historySeq: historySeq('history_seq'),
    status: messageStatus('status').notNull().default('done'),
    /** Set by stopGeneration; the generating instance checks it between chunks (any instance may set it). */
    stopRequestedAt: instant('stop_requested_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_session_seq_idx').on(t.sessionId, t.seq),
    uniqueIndex('messages_session_client_id_idx').on(t.sessionId, t.clientMessageId),
    // History search over what was said: `content_search` is to_tsvector('english', content),
    // stored and generated (migration 0010), and like sessions.title_search not a Drizzle column.
    index('messages_content_search_idx').using('gin', sql`content_search`),
  ],
);

/** A change to a project's timeline, with how to revert it. Outlives the session that made it. */
export const edits = pgTable(
  'edits',
  {
    id: id(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    intent: jsonb('intent').$type<EditIntent>().notNull(),
    operations: jsonb('operations').$type<Operation[]>().notNull(),
    inverse: jsonb('inverse').$type<Operation[]>().notNull(),
    createdAt: createdAt(),
    revertedAt: instant('reverted_at'),
    /** The timeline restore that last reverted this edit's effect (its own revertedAt is left to its session's undo/redo). */
    revertedByEditId: uuid('reverted_by_edit_id').references((): AnyPgColumn => edits.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('edits_session_created_idx').on(t.sessionId, t.createdAt, t.id),
    index('edits_project_created_idx').on(t.projectId, t.createdAt, t.id),
    index('edits_message_idx').on(t.messageId),
  ],
);

/**
 * Every edit each instruction touched, in order: the edits it made, and those it reverted
 * (undo) or applied again (redo). A retried instruction answers with exactly these.
 */
export const instructionEdits = pgTable(
  'instruction_edits',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    editId: uuid('edit_id')
      .notNull()
      .references(() => edits.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.position] }), index('instruction_edits_edit_idx').on(t.editId)],
);

/**
 * The project's timeline history: every time an edit's operations (applied) or its inverse (not
 * applied) changed the timeline, in order. Unlike instruction_edits it survives the deletion of
 * the session that did it, so the timeline at any moment can be recomputed (checkpoints).
 */
export const timelineSteps = pgTable(
  'timeline_steps',
  {
    seq: historySeq('seq').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    editId: uuid('edit_id')
      .notNull()
      .references(() => edits.id, { onDelete: 'cascade' }),
    /** The session and instruction that made the step, while they exist. */
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    /** True: the edit's operations were applied (made or redone); false: its inverse (undone). */
    applied: boolean('applied').notNull(),
    at: instant('at')
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (t) => [index('timeline_steps_project_seq_idx').on(t.projectId, t.seq)],
);

/** The session each user is in on each project, shared by all their devices. */
export const currentSessions = pgTable(
  'current_sessions',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    updatedAt: instant('updated_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId] }), index('current_sessions_session_idx').on(t.sessionId)],
);

/** Personal access tokens for third-party clients; only a hash of the secret is kept. */
export const tokenScope = pgEnum('token_scope', TOKEN_SCOPES);

export const accessTokens = pgTable(
  'access_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, shown in lists so a user can tell tokens apart. */
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    /** The highest scope (lib/auth/tokenScopes.ts); tokens made before scopes existed have ADMIN. */
    scope: tokenScope('scope').notNull(),
    /** The projects the token is limited to; null for every project of the user. */
    projectIds: uuid('project_ids').array(),
    /** Null only for tokens made before scopes existed: they never expire. */
    expiresAt: instant('expires_at'),
  },
  (t) => [index('access_tokens_user_idx').on(t.userId, t.createdAt.desc().nullsFirst())],
);

/**
 * What changed in a project, in commit order, for live updates on every open device. Rows are
 * written in the transaction that made the change, under the project's lock, so ids follow
 * commit order within a project and a client resumes after the last id it saw.
 */
export const projectEvents = pgTable(
  'project_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The session the event concerns, when there is one. */
    sessionId: uuid('session_id'),
    /** The user whose action it was (current-session switches are per user). */
    userId: uuid('user_id'),
    /** The message the event concerns (reply.delta, reply.finished). */
    messageId: uuid('message_id'),
    /** Event-specific payload: for reply.delta `{ offset, text }`, the text appended at that character offset. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('project_events_project_id_idx').on(t.projectId, t.id)],
);

/** Request counters per fixed window, read as a sliding window (lib/rateLimit/slidingWindow.ts), shared by every app instance (sign-in attempts, API calls). */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').notNull(),
    windowStart: instant('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_buckets_window_idx').on(t.windowStart)],
);

/**
 * Automatic persisted queries (graphql/trustedDocuments.ts): documents signed-in clients
 * registered by their sha256, shared by every app instance. Bounded by db/persistedQueries.ts:
 * at most PERSISTED_QUERY_CAP rows, the least recently used pruned on insert.
 */
export const persistedQueries = pgTable(
  'persisted_queries',
  {
    /** The lower-case hex sha256 of `text`, verified before the row is written. */
    hash: text('hash').primaryKey(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('persisted_queries_last_used_idx').on(t.lastUsedAt)],
);

export type User = typeof users.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type ClipRow = typeof clips.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type Edit = typeof edits.$inferSelect;
export type TimelineStep = typeof timelineSteps.$inferSelect;
export type AccessToken = typeof accessTokens.$inferSelect;
export type ProjectEvent = typeof projectEvents.$inferSelect;
export type PersistedQuery = typeof persistedQueries.$inferSelect;
