import { GET } from '@/app/api/sessions/[sessionId]/export/route';
import { startSession } from '@/db/sessions';
import type { Session, User } from '@/db/schema';
import type { SessionTranscript } from '@/lib/sessionExport';
import { runInstruction } from '@/server/instructions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject, readSession } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { envelopeOf, sessionCookie, tokenFor } from './support/api';

setUpTestDatabase();

let owner: User;
let session: Session;

beforeAll(async () => {
  const made = await makeUserWithProject();
  owner = made.user;
  const started = await startSession(owner.id, made.project.id);
  await runInstruction({ session: started, content: 'make the outro a bit longer' });
  await runInstruction({ session: started, content: 'undo that' });
  session = (await readSession(started.id))!;
});

/** Jest's asymmetric matchers are typed `any`; as `unknown` they sit in a typed literal. */
const aString: unknown = expect.any(String);

async function download(sessionId: string, format: string | null, headers: Record<string, string>) {
  const url = `http://localhost/api/sessions/${sessionId}/export${format ? `?format=${format}` : ''}`;
  return GET(new Request(url, { headers }), { params: Promise.resolve({ sessionId }) });
}

describe('GET /api/sessions/<id>/export', () => {
  it('answers JSON with the messages, their times, and the edits each made with before/after values and revert state', async () => {
    const response = await download(toGlobalId('Session', session.id), 'json', await sessionCookie(owner));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="outro-2-s-then-undone.json"');
    const body = (await response.json()) as SessionTranscript;
    const times = body.messages.map((message) => message.createdAt);
    expect(body.session).toMatchObject({ id: session.id, title: 'Outro +2 s, then undone', pinned: false, archived: false });
    expect(body.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'make the outro a bit longer'],
      ['assistant', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.'],
      ['user', 'undo that'],
      ['assistant', expect.stringMatching(/^Undid: made “Outro” 2\.0 s longer/)],
    ]);
    expect(body.messages[0].edits).toEqual([
      {
        id: aString,
        description: 'Made “Outro” 2.0 s longer',
        createdAt: aString,
        reverted: true,
        revertedAt: aString,
        changes: [expect.objectContaining({ type: 'update', before: { durationMs: 5000 }, after: { durationMs: 7000 } })],
      },
    ]);
    expect(times.every((time) => !Number.isNaN(Date.parse(time)))).toBe(true);
  });

  it('answers Markdown by default, exactly, for a bearer token too', async () => {
    const { token } = await tokenFor(owner);
    const json = (await (await download(session.id, 'json', { authorization: `Bearer ${token}` })).json()) as SessionTranscript;
    const times = json.messages.map((message) => message.createdAt);
    const response = await download(session.id, null, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="outro-2-s-then-undone.md"');
    const text = await response.text();
    const lines = text.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '# Outro +2 s, then undone',
      '',
      `Started ${session.createdAt.toISOString()}`,
      '',
      `## You · ${times[0]}`,
      '',
      'make the outro a bit longer',
      '',
      '- Edit: Made “Outro” 2.0 s longer (reverted)',
      expect.stringMatching(/^ {2}- durationMs: 5000 → 7000 \(clip [0-9a-f-]{36}\)$/),
      '',
      `## CoDirector · ${times[1]}`,
    ]);
  });

  it("is the API's 404 for another user's session, 401 for nobody, and 400 naming an unknown format", async () => {
    const other = await makeUserWithProject();
    const foreign = await download(session.id, 'md', await sessionCookie(other.user));
    expect(foreign.status).toBe(404);
    expect((await envelopeOf(foreign)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const missing = await download('00000000-0000-4000-8000-000000000000', 'md', await sessionCookie(owner));
    expect(missing.status).toBe(404);
    expect((await download(session.id, 'md', {})).status).toBe(401);
    const badFormat = await download(session.id, 'pdf', await sessionCookie(owner));
    expect(badFormat.status).toBe(400);
    expect((await envelopeOf(badFormat)).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'format' });
  });
});
