// `npm run assistant:smoke`: plays the seed's three follow-ups against the real model configured
// by OPENAI_* (ASSISTANT_PROVIDER=openai is implied) on an in-memory database, printing each reply
// and its edits. Without OPENAI_API_KEY it prints one "skipped" line and exits 0.
import { closeDb, getDatabaseHandle } from '@/db/client';
import { createProject, getTimeline } from '@/db/projects';
import { createSession } from '@/db/sessions';
import { createUser } from '@/db/users';
import { getAssistant, ProviderConfigError } from '@/lib/providers';
import { runInstruction } from '@/server/instructions';
import { DEMO_TIMELINE } from './demo-data';

const FOLLOW_UPS = ['make the outro a bit longer', 'actually, undo that last change', 'do the same thing to the second clip'];

async function main(): Promise<number> {
  if (!process.env.OPENAI_API_KEY?.trim()) {
    console.log('assistant:smoke skipped: OPENAI_API_KEY is not set (set it, and optionally OPENAI_BASE_URL and OPENAI_MODEL, to run against a real model).');
    return 0;
  }
  let assistant;
  try {
    assistant = getAssistant({ ...process.env, ASSISTANT_PROVIDER: 'openai' });
  } catch (error) {
    if (error instanceof ProviderConfigError) {
      console.error(`assistant:smoke: ${error.message}`);
      return 1;
    }
    throw error;
  }
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
  await getDatabaseHandle().migrate();
  try {
    const user = await createUser({ email: 'smoke@codirector.dev', name: 'Smoke', passwordHash: null });
    const project = await createProject(user.id, 'Smoke test', DEMO_TIMELINE);
    const session = await createSession({ projectId: project.id, createdById: user.id });
    console.log(`Model: ${assistant.name}`);
    for (const content of FOLLOW_UPS) {
      const result = await runInstruction({ session, content }, assistant);
      console.log(`\n> ${content}\n[${result.reply.status}] ${result.reply.content}`);
      for (const edit of result.edits) console.log(`  edit: ${edit.description}${edit.revertedAt ? ' (undone)' : ''}`);
    }
    const timeline = await getTimeline(project.id);
    console.log(`\nTimeline: ${timeline.map((clip) => `${clip.name} ${(clip.durationMs / 1000).toFixed(1)} s`).join(' | ')}`);
    return 0;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`assistant:smoke failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
