import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions as sessionsTable } from '@/db/schema';
import {
  countSessions,
  deleteSession,
  getCurrentSession,
  getOrStartCurrentSession,
  getOwnedSessions,
  listSessions,
  restoreSession,
  sessionKey,
  startSession,
  type SessionKey,
} from '@/db/sessions';
import { appendMessage } from '@/db/messages';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser, makeUserWithProject } from '@/testing/factories';

setUpTestDatabase();

describe('listSessions keyset pagination', () => {
  const total = 1000;
  let projectId: string;
  let expectedOrder: string[];

  beforeAll(async () => {
    const { user, project } = await makeUserWithProject();
    projectId = project.id;
    // 1,000 sessions on only 37 distinct instants: most timestamps are shared by many rows.
    const base = Date.UTC(2026, 0, 1);
    const rows = Array.from({ length: total }, (_, index) => ({
      projectId,
      createdById: user.id,
      title: `Session ${index}`,
      // Listed: history lists leave out empty sessions.
      messageCount: 1,
      createdAt: new Date(base + (index % 37) * 60_000),
    }));
    for (let start = 0; start < rows.length; start += 250) {
      await getDb()
        .insert(sessionsTable)
        .values(rows.slice(start, start + 250));
    }
    const all = await getDb().select().from(sessionsTable);
    expectedOrder = all
      .filter((s) => s.projectId === projectId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((s) => s.id);
  });

  it('walks forward 20 at a time, newest first, without skipping or repeating a row', async () => {
    const seen: string[] = [];
    let after: SessionKey | undefined;
    let pages = 0;
    for (;;) {
      const page = await listSessions(projectId, { first: 20, after });
      pages += 1;
      seen.push(...page.rows.map((s) => s.id));
      expect(page.hasPreviousPage).toBe(after !== undefined);
      if (!page.hasNextPage) break;
      after = sessionKey(page.rows[page.rows.length - 1]);
    }
    expect(pages).toBe(total / 20);
    expect(seen).toEqual(expectedOrder);
  });

  it('walks backward with last/before and yields the same order', async () => {
    const seen: string[] = [];
    let before: SessionKey | undefined;
    for (;;) {
      const page = await listSessions(projectId, { last: 30, before });
      seen.unshift(...page.rows.map((s) => s.id));
      if (!page.hasPreviousPage) break;
      before = sessionKey(page.rows[0]);
    }
    expect(seen).toEqual(expectedOrder);
  });

  it('reports hasNextPage false on the last page and counts all rows', async () => {
    const lastPage = await listSessions(projectId, { last: 5 });
    expect(lastPage.rows.map((s) => s.id)).toEqual(expectedOrder.slice(-5));
    expect(lastPage.hasNextPage).toBe(false);
    expect(lastPage.hasPreviousPage).toBe(true);
    expect(await countSessions(projectId)).toBe(total);
  });

  it('returns an empty page with hasNextPage when first is 0', async () => {
    const page = await listSessions(projectId, { first: 0 });
    expect(page.rows).toEqual([]);
    expect(page.hasNextPage).toBe(true);
  });

  it('keeps later pages stable when a session is created while paging', async () => {
    const first = await listSessions(projectId, { first: 20 });
    const owner = await getDb().select().from(sessionsTable).limit(1);
    await getDb().insert(sessionsTable).values({ projectId, createdById: owner[0].createdById, title: 'Newer', messageCount: 1 });
    const second = await listSessions(projectId, { first: 20, after: sessionKey(first.rows[19]) });
    expect(second.rows.map((s) => s.id)).toEqual(expectedOrder.slice(20, 40));
  });
});

describe('current session', () => {
  it('startSession reuses an empty session instead of piling up new ones', async () => {
    const { user, project } = await makeUserWithProject();
    const first = await startSession(user.id, project.id);
    const second = await startSession(user.id, project.id);
    expect(second.id).toBe(first.id);
    expect(await countSessions(project.id)).toBe(1);
  });

  it('startSession run 10 times concurrently leaves one session', async () => {
    const { user, project } = await makeUserWithProject();
    const started = await Promise.all(Array.from({ length: 10 }, () => startSession(user.id, project.id)));
    expect(new Set(started.map((s) => s.id)).size).toBe(1);
    expect(await countSessions(project.id)).toBe(1);
  });

  it('startSession after a conversation creates a fresh current session', async () => {
    const { user, project } = await makeUserWithProject();
    const first = await startSession(user.id, project.id);
    await appendMessage(first, { role: 'user', content: 'make the outro longer' });
    const second = await startSession(user.id, project.id);
    expect(second.id).not.toBe(first.id);
    expect((await getCurrentSession(user.id, project.id))?.id).toBe(second.id);
  });

  it('restoreSession makes a past session current for every device of the user', async () => {
    const { user, project } = await makeUserWithProject();
    const past = await startSession(user.id, project.id);
    await appendMessage(past, { role: 'user', content: 'first goal' });
    await startSession(user.id, project.id);
    await restoreSession(user.id, past);
    expect((await getOrStartCurrentSession(user.id, project.id)).id).toBe(past.id);
  });

  it("getOwnedSessions hides another user's session", async () => {
    const { user, project } = await makeUserWithProject();
    const stranger = await makeUser('Stranger');
    await makeProject(stranger.id);
    const session = await startSession(user.id, project.id);
    expect(await getOwnedSessions(user.id, [session.id])).toHaveLength(1);
    expect(await getOwnedSessions(stranger.id, [session.id])).toEqual([]);
  });
});

describe('ids from outside', () => {
  it('treats a malformed id as not found instead of failing the query', async () => {
    const { user } = await makeUserWithProject();
    expect(await getOwnedSessions(user.id, ['not-a-uuid'])).toEqual([]);
  });
});

describe('the session count the database keeps on each project', () => {
  // Sessions with a conversation: the count is of listed sessions, and empty ones are not listed.
  it('follows single and bulk inserts, deletes, and a rolled-back insert, per project', async () => {
    const user = await makeUser();
    const [a, b] = [await makeProject(user.id, 'A'), await makeProject(user.id, 'B')];
    await startSession(user.id, a.id);
    await getDb()
      .insert(sessionsTable)
      .values([
        ...Array.from({ length: 30 }, () => ({ projectId: a.id, createdById: user.id, messageCount: 1 })),
        ...Array.from({ length: 7 }, () => ({ projectId: b.id, createdById: user.id, messageCount: 1 })),
      ]);
    expect([await countSessions(a.id), await countSessions(b.id)]).toEqual([31, 7]);

    await getDb().delete(sessionsTable).where(eq(sessionsTable.projectId, b.id));
    const [one] = await listSessions(a.id, { first: 1 }).then((page) => page.rows);
    expect(await deleteSession(one)).toBe(true);
    expect([await countSessions(a.id), await countSessions(b.id)]).toEqual([30, 0]);

    await expect(
      getDb().transaction(async (tx) => {
        await tx.insert(sessionsTable).values({ projectId: b.id, createdById: user.id, messageCount: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countSessions(b.id)).toBe(0);
  });

  it('stays exact under concurrent inserts into one project', async () => {
    const { user, project } = await makeUserWithProject();
    await Promise.all(Array.from({ length: 20 }, () => getDb().insert(sessionsTable).values({ projectId: project.id, createdById: user.id, messageCount: 1 })));
    expect(await countSessions(project.id)).toBe(20);
  });
});
