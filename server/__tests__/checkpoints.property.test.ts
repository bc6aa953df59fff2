import fc from 'fast-check';
import type { Message, Session, User } from '@/db/schema';
import { getTimeline } from '@/db/projects';
import { restoreSession as makeCurrent, startSession } from '@/db/sessions';
import type { Clip } from '@/lib/assistant/types';
import type { Caller } from '@/server/access';
import { previewTimelineRestore, restoreTimeline } from '@/server/checkpoints';
import { DomainError } from '@/server/errors';
import { runInstruction } from '@/server/instructions';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser, TRIP_TIMELINE } from '@/testing/factories';

/**
 * Restoring to an instruction yields exactly the timeline recorded right after it, whatever
 * happened since in any session (edits, undos, redos, other restores), and undoing the restore
 * yields the timeline before it.
 */
setUpTestDatabase();

const INSTRUCTIONS = [
  'make the outro a bit longer',
  'shorten the beach scene by 1 second',
  'make the second clip 2 seconds shorter',
  'move the first clip to the end',
  'swap the second and third clips',
  'delete the third clip',
  'duplicate the first clip',
  'rename the second clip to Harbour',
  'add a fade in of 1 second to the intro',
  'mute the tram ride',
  'add a title card saying Lisbon at the start',
  'undo that',
  'undo that',
  'redo',
  'undo the last 2 changes',
];

type Step = { type: 'say'; session: number; content: string } | { type: 'restore'; session: number; target: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('say' as const), session: fc.nat(2), content: fc.constantFrom(...INSTRUCTIONS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('restore' as const), session: fc.nat(2), target: fc.nat() }) },
);

const callerOf = (user: User): Caller => ({ viewer: { user, via: 'session' } });

async function attempt<Result>(run: () => Promise<Result>): Promise<Result | DomainError> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

it('restoring to instruction k gives the timeline right after k; undoing the restore gives the one before', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), fc.nat(), async (steps, pick) => {
      const user = await makeUser();
      const caller = callerOf(user);
      const project = await makeProject(user.id, 'Property', TRIP_TIMELINE);
      const sessions: Session[] = [];
      for (let i = 0; i < 3; i += 1) {
        const started = await startSession(user.id, project.id);
        // startSession reuses an empty session: give each one its first message before the next.
        sessions.push(started);
        await runInstruction({ session: started, content: 'how long is the timeline?' });
      }
      /** Every instruction, with the timeline recorded right after it. */
      const checkpoints: { message: Message; timeline: Clip[] }[] = [];

      for (const current of steps) {
        const session = sessions[current.session];
        if (current.type === 'say') {
          const result = await runInstruction({ session, content: current.content });
          checkpoints.push({ message: result.userMessage, timeline: await getTimeline(project.id) });
        } else if (checkpoints.length > 0) {
          await makeCurrent(user.id, session);
          const target = checkpoints[current.target % checkpoints.length];
          const restored = await attempt(() => restoreTimeline(caller, { messageId: target.message.id }));
          if (restored instanceof DomainError) {
            expect(restored.code).toBe('BAD_USER_INPUT'); // already as it was
            continue;
          }
          expect(restored.timeline).toEqual(target.timeline);
          checkpoints.push({ message: restored.userMessage, timeline: await getTimeline(project.id) });
        }
      }
      if (checkpoints.length === 0) return;

      const target = checkpoints[pick % checkpoints.length];
      const before = await getTimeline(project.id);
      const preview = await previewTimelineRestore(caller, { messageId: target.message.id });
      expect(preview.timeline).toEqual(target.timeline);
      const restored = await attempt(() => restoreTimeline(caller, { messageId: target.message.id, basis: preview.basis }));
      if (restored instanceof DomainError) {
        expect(restored.code).toBe('BAD_USER_INPUT');
        expect(before).toEqual(target.timeline);
        return;
      }
      expect(await getTimeline(project.id)).toEqual(target.timeline);
      expect(restored.timeline).toEqual(preview.timeline);

      const undone = await runInstruction({ session: restored.recordedIn, content: 'undo that' });
      expect(undone.edits.map((edit) => edit.id)).toEqual([restored.edit.id]);
      expect(await getTimeline(project.id)).toEqual(before);
    }),
    { numRuns: 25 },
  );
}, 300_000);
