import { RowNotFoundError } from '@/db/errors';
import { appendMessage, getAllMessages, listMessages, messageKey } from '@/db/messages';
import { deleteSession, startSession } from '@/db/sessions';
import { readSession as getSession } from '@/testing/factories';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

setUpTestDatabase();

async function newSession() {
  const { user, project } = await makeUserWithProject();
  return startSession(user.id, project.id);
}

describe('appendMessage', () => {
  it('numbers 20 concurrent appends to one session 1..20 with no gap or duplicate', async () => {
    const session = await newSession();
    await Promise.all(Array.from({ length: 20 }, (_, index) => appendMessage(session, { role: 'user', content: `instruction ${index}` })));
    const stored = await getAllMessages(session.id);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(new Set(stored.map((m) => m.content)).size).toBe(20);
    expect((await getSession(session.id))?.messageCount).toBe(20);
  });

  it('writes a repeated client message id only once and returns the first message', async () => {
    const session = await newSession();
    const first = await appendMessage(session, { role: 'user', content: 'trim the intro', clientMessageId: 'c-1' });
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => appendMessage(session, { role: 'user', content: 'trim the intro', clientMessageId: 'c-1' })),
    );
    expect(retries.every((m) => m.id === first.id)).toBe(true);
    expect(await getAllMessages(session.id)).toHaveLength(1);
  });

  it('titles the session from its first user message only', async () => {
    const session = await newSession();
    await appendMessage(session, { role: 'user', content: '  make the outro\n a bit longer ' });
    await appendMessage(session, { role: 'user', content: 'and the intro too' });
    expect((await getSession(session.id))?.title).toBe('Make the outro a bit longer');
  });

  it('refuses to append to a deleted session', async () => {
    const session = await newSession();
    await deleteSession(session);
    await expect(appendMessage(session, { role: 'user', content: 'hello' })).rejects.toBeInstanceOf(RowNotFoundError);
  });

  it('lists messages oldest first, paged by sequence', async () => {
    const session = await newSession();
    for (let index = 1; index <= 7; index += 1) await appendMessage(session, { role: 'user', content: `m${index}` });
    const first = await listMessages(session.id, { first: 3 });
    const second = await listMessages(session.id, { first: 3, after: messageKey(first.rows[2]) });
    const last = await listMessages(session.id, { first: 3, after: messageKey(second.rows[2]) });
    expect([...first.rows, ...second.rows, ...last.rows].map((m) => m.content)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(last.hasNextPage).toBe(false);
    expect(first.hasPreviousPage).toBe(false);
    expect(second.hasPreviousPage).toBe(true);
  });
});
