import { GET } from '@/app/api/sessions/[sessionId]/export/route';
import { startSession } from '@/db/sessions';
import type { Session, User } from '@/db/schema';
import { fullDate, TIME_ZONE_COOKIE } from '@/lib/dates';
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

  it('answers Markdown by default, exactly, for a bearer token too: human dates in UTC, said so, clips by name, no ids', async () => {
    const { token } = await tokenFor(owner);
    const json = (await (await download(session.id, 'json', { authorization: `Bearer ${token}` })).json()) as SessionTranscript;
    const times = json.messages.map((message) => message.createdAt);
    const response = await download(session.id, null, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="outro-2-s-then-undone.md"');
    const text = await response.text();
    const lines = text.split('\n');
    const utc = (iso: string) => fullDate(new Date(iso), { locale: 'en-US', timeZone: 'UTC' });
    expect(lines.slice(0, 12)).toEqual([
      '# Outro +2 s, then undone',
      '',
      `Started ${utc(times[0])} · times in UTC`,
      '',
      `## You · ${utc(times[0])}`,
      '',
      'make the outro a bit longer',
      '',
      '- Edit: Made “Outro” 2.0 s longer (reverted)',
      '  - “Outro”: durationMs: 5000 → 7000',
      '',
      `## CoDirector · ${utc(times[1])}`,
    ]);
    expect(utc(times[0])).toMatch(/^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}$/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("writes Markdown's dates in the browser's zone and locale when its cookie and Accept-Language come along", async () => {
    const json = (await (await download(session.id, 'json', await sessionCookie(owner))).json()) as SessionTranscript;
    const cookie = `${(await sessionCookie(owner)).cookie}; ${TIME_ZONE_COOKIE}=${encodeURIComponent('America/Los_Angeles')}`;
    const text = await (await download(session.id, 'md', { cookie, 'accept-language': 'en-GB,en;q=0.8' })).text();
    const pacific = (iso: string) => fullDate(new Date(iso), { locale: 'en-GB', timeZone: 'America/Los_Angeles' });
    expect(text.split('\n')[2]).toBe(`Started ${pacific(json.messages[0].createdAt)} · times in America/Los Angeles`);
    expect(text).toContain(`## CoDirector · ${pacific(json.messages[1].createdAt)}`);
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
