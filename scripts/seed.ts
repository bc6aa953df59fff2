import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { createProject } from '@/db/projects';
import { projects } from '@/db/schema';
import { createUser, getUserByEmail } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';
import { runStartupStep } from './database-errors';
import { DEMO_PAST_SESSIONS, DEMO_PROJECT_NAME, DEMO_TIMELINE, DEMO_USER } from './demo-data';
import { seedDemoSessions } from './demo-sessions';

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

    await db.transaction(async (tx) => {
      const user = existing ?? (await createUser({ ...DEMO_USER, passwordHash: await hashPassword(DEMO_USER.password) }, tx));
      const project = await createProject(user.id, DEMO_PROJECT_NAME, DEMO_TIMELINE, tx);
      await seedDemoSessions({ projectId: project.id, userId: user.id, now: Date.now() }, tx);
    });
    console.log(`Seeded ${DEMO_USER.email} / ${DEMO_USER.password} with "${DEMO_PROJECT_NAME}" and ${DEMO_PAST_SESSIONS} past sessions.`);
  } finally {
    await handle.close();
  }
});
