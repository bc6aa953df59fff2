import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { STARTER_TIMELINE } from '@/lib/timeline/starter';
import type { DataParams } from './options';
import { CLIP_REFERENCES, FOLLOW_UPS, INSTRUCTION_TEMPLATES, PROJECT_SUBJECTS } from './vocabulary';

/**
 * Loads the benchmark data set into a database of its own: one project with many sessions,
 * many small projects, one user owning them all. Every row is made server-side from
 * generate_series with deterministic ids, so two loads with the same parameters are identical.
 * The parameters are written into the database's comment; a matching comment means the data
 * is already there.
 */

export const BENCH_USER = { email: 'bench@codirector.dev', name: 'Bench Runner' } as const;
export const MAIN_PROJECT_NAME = 'Summer in Lisbon (benchmark)';

/** "Now" of the data set: sessions spread over the two years before it. */
const ANCHOR = '2026-06-01T12:00:00.000Z';
const SPAN = '2 years';
/** Every n-th session of the large project shares its timestamp with the one before it. */
const EQUAL_TIMESTAMP_EVERY = 50;
const COMMENT_MARKER = 'codirector-bench';
const GENERATOR_VERSION = 1;

export interface BenchData {
  userId: string;
  mainProjectId: string;
  /** The other projects, newest first. */
  otherProjectIds: string[];
  mainSessions: number;
  /** False when the data was already there. */
  generated: boolean;
}

type Sql = postgres.ISql;

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`The benchmark database name "${name}" must be a plain lower-case identifier.`);
  }
  return name;
}

function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

function fingerprint(params: DataParams): string {
  return `${COMMENT_MARKER} ${JSON.stringify({ version: GENERATOR_VERSION, anchor: ANCHOR, ...params })}`;
}

async function recreateDatabase(admin: postgres.Sql, name: string): Promise<void> {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
}

async function insertUserAndProjects(tx: Sql, params: DataParams): Promise<void> {
  await tx`
    INSERT INTO users (id, email, name, created_at)
    VALUES (md5('bench-user')::uuid, ${BENCH_USER.email}, ${BENCH_USER.name}, ${ANCHOR}::timestamptz - ${SPAN}::interval)`;
  await tx`
    INSERT INTO projects (id, owner_id, name, created_at, updated_at)
    VALUES (md5('main-project')::uuid, md5('bench-user')::uuid, ${MAIN_PROJECT_NAME}, ${ANCHOR}, ${ANCHOR})`;
  await tx`
    INSERT INTO projects (id, owner_id, name, created_at, updated_at)
    SELECT md5('project:' || p)::uuid, md5('bench-user')::uuid,
           (${tx.array([...PROJECT_SUBJECTS])}::text[])[1 + p % ${PROJECT_SUBJECTS.length}] || ' #' || p,
           ${ANCHOR}::timestamptz - p * interval '1 hour',
           ${ANCHOR}::timestamptz - p * interval '1 hour'
    FROM generate_series(1, ${params.otherProjects}::int) AS p`;
  for (const [position, clip] of STARTER_TIMELINE.entries()) {
    await tx`
      INSERT INTO clips (id, project_id, position, name, kind, duration_ms, fade_in_ms, fade_out_ms, speed, volume, muted, text)
      SELECT md5('clip:' || id || ':' || ${position}::int)::uuid, id, ${position}::int, ${clip.name}, ${clip.kind}::clip_kind,
             ${clip.durationMs}::int, ${clip.fadeInMs}::int, ${clip.fadeOutMs}::int, ${clip.speed}::float8,
             ${clip.volume}::int, ${clip.muted}::boolean, ${clip.text}::text
      FROM projects`;
  }
}

/** SQL for a session title from a row number: an instruction template with a clip reference. */
function titleSql(tx: Sql, n: postgres.Fragment) {
  return tx`replace(
    (${tx.array([...INSTRUCTION_TEMPLATES])}::text[])[1 + (${n} * 7) % ${INSTRUCTION_TEMPLATES.length}],
    '{clip}',
    (${tx.array([...CLIP_REFERENCES])}::text[])[1 + (${n} * 11 + ${n} / 13) % ${CLIP_REFERENCES.length}])`;
}

async function insertSessions(tx: Sql, params: DataParams): Promise<void> {
  const every = params.longConversationEvery;
  await tx`
    INSERT INTO sessions (id, project_id, created_by_id, title, message_count, created_at, updated_at)
    SELECT md5('main-session:' || i)::uuid, md5('main-project')::uuid, md5('bench-user')::uuid,
           ${titleSql(tx, tx`i`)},
           CASE WHEN (i - 1) % ${every}::int = 0 THEN 6 ELSE 2 END,
           t.at, t.at + interval '30 seconds'
    FROM generate_series(1, ${params.mainSessions}::int) AS i,
    LATERAL (
      SELECT date_trunc('milliseconds',
        ${ANCHOR}::timestamptz
        - (i - (i % ${EQUAL_TIMESTAMP_EVERY}::int = 0)::int) * (${SPAN}::interval / ${params.mainSessions}::float8)) AS at
    ) AS t`;
  await tx`
    INSERT INTO sessions (id, project_id, created_by_id, title, message_count, created_at, updated_at)
    SELECT md5('session:' || p || ':' || s)::uuid, md5('project:' || p)::uuid, md5('bench-user')::uuid,
           ${titleSql(tx, tx`(p * 100 + s)`)},
           CASE WHEN (s - 1) % ${every}::int = 0 THEN 6 ELSE 2 END,
           t.at, t.at + interval '30 seconds'
    FROM generate_series(1, ${params.otherProjects}::int) AS p,
         generate_series(1, ${params.sessionsPerOtherProject}::int) AS s,
    LATERAL (
      SELECT ${ANCHOR}::timestamptz - p * interval '1 hour' - s * interval '7 hours 13 minutes' AS at
    ) AS t`;
}

/** Every session holds its conversation: an instruction and its reply, and for some two more exchanges. */
async function insertMessages(tx: Sql): Promise<void> {
  await tx`
    INSERT INTO messages (id, session_id, seq, role, content, reply_to_id, created_at)
    SELECT md5(s.id::text || ':' || m.seq)::uuid, s.id, m.seq, m.role::message_role,
           CASE m.seq
             WHEN 1 THEN s.title
             WHEN 2 THEN 'Done: ' || lower(left(s.title, 1)) || substr(s.title, 2) || '.'
             WHEN 3 THEN ${FOLLOW_UPS.undo}
             WHEN 4 THEN ${FOLLOW_UPS.undone}
             WHEN 5 THEN ${FOLLOW_UPS.repeat}
             ELSE ${FOLLOW_UPS.repeated}
           END,
           CASE WHEN m.role = 'assistant' THEN md5(s.id::text || ':' || (m.seq - 1))::uuid END,
           s.created_at + m.seq * interval '4 seconds'
    FROM sessions AS s
    JOIN (VALUES (1, 'user'), (2, 'assistant'), (3, 'user'), (4, 'assistant'), (5, 'user'), (6, 'assistant'))
      AS m(seq, role) ON m.seq <= s.message_count`;
  // The newest session of the large project is the user's current one there.
  await tx`
    INSERT INTO current_sessions (user_id, project_id, session_id, updated_at)
    VALUES (md5('bench-user')::uuid, md5('main-project')::uuid, md5('main-session:1')::uuid, ${ANCHOR})`;
}

/** Applies the app's migrations: all of them to a new database, the pending ones to a kept one. */
async function migrateBenchDatabase(url: string): Promise<void> {
  const handle = openDatabase({ driver: 'postgres', url });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
}

async function loadData(url: string, params: DataParams, log: (line: string) => void): Promise<void> {
  await migrateBenchDatabase(url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      log('  users, projects and timelines');
      await insertUserAndProjects(tx, params);
      log(`  ${params.mainSessions + params.otherProjects * params.sessionsPerOtherProject} sessions`);
      await insertSessions(tx, params);
      log('  messages');
      await insertMessages(tx);
    });
    log('  vacuum analyze');
    await sql`VACUUM (ANALYZE)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function describeData(url: string, params: DataParams, generated: boolean): Promise<BenchData> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [ids] = await sql<{ userId: string; mainProjectId: string }[]>`
      SELECT md5('bench-user')::uuid::text AS "userId", md5('main-project')::uuid::text AS "mainProjectId"`;
    const others = await sql<{ id: string }[]>`
      SELECT id::text FROM projects WHERE owner_id = ${ids.userId}::uuid AND id <> ${ids.mainProjectId}::uuid
      ORDER BY created_at DESC, id DESC LIMIT 100`;
    return { ...ids, otherProjectIds: others.map((row) => row.id), mainSessions: params.mainSessions, generated };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Makes sure the benchmark database holds the data set for `params`, loading it when it does not. */
export async function ensureBenchData(url: string, params: DataParams, options: { fresh: boolean; log: (line: string) => void }): Promise<BenchData> {
  const name = databaseName(url);
  const expected = fingerprint(params);
  const admin = postgres(maintenanceUrl(url), { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin<{ comment: string | null }[]>`
      SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = ${name}`;
    if (!options.fresh && existing?.comment === expected) {
      options.log(`Data: database ${name} already holds this data set (--fresh regenerates it).`);
      await migrateBenchDatabase(url);
      return await describeData(url, params, false);
    }
    const started = Date.now();
    options.log(`Data: loading database ${name}…`);
    await recreateDatabase(admin, name);
    await loadData(url, params, options.log);
    await admin.unsafe(`COMMENT ON DATABASE "${name}" IS ${quoteLiteral(expected)}`);
    options.log(`Data: loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return await describeData(url, params, true);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
