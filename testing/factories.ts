import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import { randomUUID } from 'node:crypto';
import { createAccessToken, type NewAccessToken } from '@/db/accessTokens';
import { createProject, newClip, type NewClip } from '@/db/projects';
import { daysFrom, DEFAULT_TOKEN_LIFETIME_DAYS } from '@/lib/auth/tokenScopes';
import { appendMessage } from '@/db/messages';
import { createSession } from '@/db/sessions';
import { createUser } from '@/db/users';

export async function makeUser(name = 'Test User') {
  return createUser({ email: `${randomUUID()}@example.test`, name, passwordHash: null });
}

export async function makeProject(ownerId: string, name = 'Test project', timeline?: readonly NewClip[]) {
  return createProject(ownerId, name, timeline);
}

/** Intro, two scenes, a "Day 2" title card and the outro: the timeline the checkpoint tests restore and fork. */
export const TRIP_TIMELINE: readonly NewClip[] = [
  newClip('Intro', 'intro', 4000),
  newClip('Beach scene', 'scene', 12000),
  newClip('Tram ride', 'scene', 10000),
  newClip('Day 2', 'title', 3000, 'Day 2'),
  newClip('Outro', 'outro', 9000),
];

export async function makeUserWithProject() {
  const user = await makeUser();
  const project = await makeProject(user.id);
  return { user, project };
}

/** A personal access token of the user's: full access, every project, the default lifetime, unless `grant` says otherwise. */
export async function makeAccessToken(userId: string, grant: Partial<NewAccessToken> = {}) {
  return createAccessToken(userId, {
    name: 'Test client',
    scope: 'ADMIN',
    projectIds: null,
    expiresAt: daysFrom(new Date(), DEFAULT_TOKEN_LIFETIME_DAYS),
    ...grant,
  });
}

/** A session as stored, whoever owns it (tests only: the app reads sessions through ownership checks). */
export async function readSession(sessionId: string) {
  const [session] = await getDb().select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return session ?? null;
}

/** A session with a conversation (one instruction, `content`), so history lists show it: empty ones are not listed. */
export async function makeListedSession(input: Parameters<typeof createSession>[0], content = input.title ?? 'make the outro a bit longer') {
  const session = await createSession(input);
  await appendMessage(session, { role: 'user', content });
  return readSession(session.id);
}

/**
 * `count` listed sessions titled "Session 0", "Session 1"…, created a minute apart in pairs that
 * share a timestamp (so the id tie-breaker decides their order). Returned newest first, the
 * history list's order.
 */
export async function makeSessionPairs(count: number, owner: { projectId: string; createdById: string }) {
  const base = Date.UTC(2026, 0, 1);
  const created = [];
  for (let index = 0; index < count; index += 1) {
    created.push(await makeListedSession({ ...owner, title: `Session ${index}`, createdAt: new Date(base + Math.floor(index / 2) * 60_000) }));
  }
  return created.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
}
