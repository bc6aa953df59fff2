import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import postgres from 'postgres';

/**
 * The floor: a bare node:http server running the sessions keyset query with the same driver as
 * the app and answering the same JSON as our GraphQL API. No framework, no GraphQL, no auth:
 * what HTTP plus SQL cost on this machine. It reads `variables.id` (a project uuid) and
 * `variables.after` from a POSTed GraphQL-style body.
 */

const PAGE_SIZE = 20;
const MAX_BODY_BYTES = 64 * 1024;

const sql = postgres(requiredEnv('DATABASE_URL'), {
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  onnotice: () => {},
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required.`);
  return value;
}

interface SessionRow {
  id: string;
  title: string | null;
  created_at: Date;
}

interface Variables {
  id: string;
  after: string | null;
}

const encodeCursor = (row: SessionRow) => Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id) throw new Error('bad cursor');
  return { createdAt, id };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseVariables(body: string): Variables {
  const parsed: unknown = JSON.parse(body);
  const variables = typeof parsed === 'object' && parsed !== null && 'variables' in parsed ? parsed.variables : null;
  if (typeof variables !== 'object' || variables === null || !('id' in variables) || typeof variables.id !== 'string') {
    throw new Error('variables.id is required');
  }
  const after = 'after' in variables && typeof variables.after === 'string' ? variables.after : null;
  return { id: variables.id, after };
}

async function sessionsPage({ id, after }: Variables) {
  const cursor = after === null ? null : decodeCursor(after);
  const rows = cursor
    ? await sql<SessionRow[]>`
        SELECT id, title, created_at FROM sessions
        WHERE project_id = ${id} AND (created_at, id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)
        ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE + 1}`
    : await sql<SessionRow[]>`
        SELECT id, title, created_at FROM sessions
        WHERE project_id = ${id}
        ORDER BY created_at DESC, id DESC LIMIT ${PAGE_SIZE + 1}`;
  const page = rows.slice(0, PAGE_SIZE);
  const edges = page.map((row) => ({
    cursor: encodeCursor(row),
    node: { id: row.id, title: row.title, createdAt: row.created_at.toISOString() },
  }));
  return {
    data: {
      project: {
        sessions: {
          edges,
          pageInfo: { hasNextPage: rows.length > PAGE_SIZE, endCursor: edges.at(-1)?.cursor ?? null },
        },
      },
    },
  };
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') {
    send(response, 200, { ok: true });
    return;
  }
  readBody(request)
    .then((body) => sessionsPage(parseVariables(body)))
    .then((payload) => send(response, 200, payload))
    .catch((error: unknown) => send(response, 400, { errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
});

function shutdown(): void {
  server.close();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

server.listen(Number(requiredEnv('PORT')), '127.0.0.1', () => console.log(`floor listening on ${process.env.PORT}`));
