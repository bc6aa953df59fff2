import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { runInstruction as sendInstruction } from '@/server/instructions';
import { createProject } from '@/db/projects';
import { projects } from '@/db/schema';
import { createSession } from '@/db/sessions';
import { createUser, getUserByEmail } from '@/db/users';
import { getAssistant } from '@/lib/assistant';
import { hashPassword } from '@/lib/auth/password';
import { runStartupStep } from './database-errors';
import {
  DEMO_CONVERSATIONS,
  DEMO_PAST_SESSIONS,
  DEMO_PROJECT_NAME,
  DEMO_TIMELINE,
  DEMO_USER,
  demoSessionTitle,
} from './demo-data';

const HOUR = 3_600_000;

/** Seeds the demo user and project once; running it again finds them and does nothing. */
void runStartupStep(async () => {
  // One long transaction on purpose: the request timeouts do not apply to the seed.
  const handle = openDatabase(undefined, { requestTimeouts: false });
  const db = handle.db;
  try {
    const existing = await getUserByEmail(DEMO_USER.email, db);
    if (existing) {
      const [project] = await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.ownerId, existing.id), eq(projects.name, DEMO_PROJECT_NAME)));
      if (project) {
        console.log(`Demo data already present (${DEMO_USER.email}).`);
        return;
      }
    }

    const assistant = getAssistant();
    await db.transaction(async (tx) => {
      const user = existing ?? (await createUser({ ...DEMO_USER, passwordHash: await hashPassword(DEMO_USER.password) }, tx));
      const project = await createProject(user.id, DEMO_PROJECT_NAME, DEMO_TIMELINE, tx);
      const now = Date.now();
      for (let index = 0; index < DEMO_PAST_SESSIONS; index += 1) {
        // Oldest first, about eight hours apart, ending a day ago.
        const createdAt = new Date(now - 24 * HOUR - (DEMO_PAST_SESSIONS - index) * 8 * HOUR);
        const session = await createSession(
          { projectId: project.id, createdById: user.id, title: demoSessionTitle(index), createdAt },
          tx,
        );
        for (const instruction of DEMO_CONVERSATIONS[index % DEMO_CONVERSATIONS.length]) {
          await sendInstruction({ session, content: instruction }, assistant, tx);
        }
      }
    });
    console.log(`Seeded ${DEMO_USER.email} / ${DEMO_USER.password} with "${DEMO_PROJECT_NAME}" and ${DEMO_PAST_SESSIONS} past sessions.`);
  } finally {
    await handle.close();
  }
});
