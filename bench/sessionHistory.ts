/**
 * The history list at 100k sessions: how long its count and its pages take, and their plans.
 * `DATABASE_URL=postgres://… tsx bench/sessionHistory.ts` (a database of its own, dropped after).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDb, getDatabaseHandle, getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import { countSearchResults, countSessions, listSessions, searchSessions, sessionKey } from '@/db/sessions';
import { makeUserWithProject } from '@/testing/factories';
import { withDatabase } from '@/testing/database';

const TOTAL = 100_000;

async function timed(label: string, run: () => Promise<unknown>, rounds = 50): Promise<void> {
  await run();
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${times[Math.floor(rounds / 2)].toFixed(2)} ms, p95 ${times[Math.floor(rounds * 0.95)].toFixed(2)} ms`);
}

/** The statements `run` sends, with their parameters (postgres.js `unsafe` is Drizzle's entry point). */
async function capturedStatements(run: () => Promise<unknown>): Promise<{ text: string; params: unknown[] }[]> {
  const client = (getDb() as unknown as { $client: { unsafe: (text: string, params?: unknown[]) => unknown } }).$client;
  const original = client.unsafe;
  const captured: { text: string; params: unknown[] }[] = [];
  client.unsafe = function capturing(this: unknown, text: string, params: unknown[] = []) {
    captured.push({ text, params });
    return original.call(this, text, params);
  };
  try {
    await run();
  } finally {
    client.unsafe = original;
  }
  return captured;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of each statement `run` sends: which indexes the answer used. */
async function explained(label: string, run: () => Promise<unknown>): Promise<void> {
  const client = (getDb() as unknown as { $client: { unsafe: (text: string, params?: unknown[]) => Promise<Record<string, string>[]> } }).$client;
  for (const statement of await capturedStatements(run)) {
    const plan = await client.unsafe(`explain (analyze, buffers) ${statement.text}`, statement.params);
    console.log(`\nplan of ${label}:\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a Postgres server.');
  const name = `cds_bench_history_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  try {
    await getDatabaseHandle().migrate();
    const { user, project } = await makeUserWithProject();
    const base = Date.UTC(2025, 0, 1);
    for (let start = 0; start < TOTAL; start += 5_000) {
      await getDb()
        .insert(sessions)
        .values(
          Array.from({ length: 5_000 }, (_, offset) => {
            const index = start + offset;
            return {
              projectId: project.id,
              createdById: user.id,
              title: `Session ${index}`,
              // Every 1,000th is empty, every 500th archived, every 10,000th pinned.
              messageCount: index % 1_000 === 0 ? 0 : 2,
              archived: index % 500 === 1,
              pinned: index % 10_000 === 2,
              createdAt: new Date(base + index * 60_000),
            };
          }),
        );
    }
    await getDb().execute(sql`analyze sessions`);
    console.log(`${TOTAL} sessions; listed ${await countSessions(project.id)}, archived ${await countSessions(project.id, { archived: true })}`);
    await timed('totalCount (listed)', () => countSessions(project.id));
    await timed('totalCount (archived)', () => countSessions(project.id, { archived: true }));
    await timed('first page of 20', () => listSessions(project.id, { first: 20 }));
    const deep = await listSessions(project.id, { first: 100 });
    await timed('page after a cursor', () => listSessions(project.id, { first: 20, after: sessionKey(deep.rows[99]) }));
    // Search: a query that one title matches, and one that every title matches (ranked, then the first 20).
    const archived = { archived: false };
    await timed('search, one match', () => searchSessions(project.id, '42424', { first: 20 }, archived));
    await timed('search, every session matches: first page', () => searchSessions(project.id, 'session', { first: 20 }, archived), 10);
    await timed('search, every session matches: totalCount', () => countSearchResults(project.id, 'session', archived), 10);
    await timed('pinned first: archived list, first page', () => listSessions(project.id, { first: 20 }, { archived: true }));
    await explained('first page (pinned first)', () => listSessions(project.id, { first: 20 }));
    await explained('search, one match', () => searchSessions(project.id, '42424', { first: 20 }, archived));
    await explained('search, every session matches: first page', () => searchSessions(project.id, 'session', { first: 20 }, archived));
    // Where the empty sessions are: the plan of a page that has to step over one.
    const empty = (await getDb().execute(
      sql`select created_at from sessions where project_id = ${project.id} and message_count = 0 order by created_at desc limit 1`,
    )) as { created_at: string }[];
    console.log('page over an empty session:');
    const plan = await getDb().execute(
      sql`explain (analyze, buffers) select * from sessions where project_id = ${project.id} and archived = false and pinned = false and created_at <= ${empty[0].created_at} and (message_count > 0 or exists (select 1 from current_sessions where session_id = sessions.id offset 0)) order by pinned desc, created_at desc, id desc limit 21`,
    );
    console.log((plan as { 'QUERY PLAN': string }[]).map((row) => row['QUERY PLAN']).join('\n'));
  } finally {
    await closeDb();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
