import type { Executor } from '@/db/client';
import { createSession } from '@/db/sessions';
import { getAssistant } from '@/lib/assistant';
import { runInstruction } from '@/server/instructions';
import { DEMO_CONVERSATIONS, DEMO_PAST_SESSIONS } from './demo-data';

const HOUR = 3_600_000;

/**
 * The demo project's past sessions: each conversation played through the real instruction path,
 * which titles the sessions as it titles anyone's (demoSessionTitles() computes the same titles
 * without a database). Oldest first, about eight hours apart, the newest a day before `now`.
 */
export async function seedDemoSessions(input: { projectId: string; userId: string; now: number }, db: Executor): Promise<void> {
  const assistant = getAssistant({});
  for (let index = 0; index < DEMO_PAST_SESSIONS; index += 1) {
    const createdAt = new Date(input.now - 24 * HOUR - (DEMO_PAST_SESSIONS - index) * 8 * HOUR);
    const session = await createSession({ projectId: input.projectId, createdById: input.userId, createdAt }, db);
    for (const instruction of DEMO_CONVERSATIONS[index]) await runInstruction({ session, content: instruction }, assistant, db);
  }
}
