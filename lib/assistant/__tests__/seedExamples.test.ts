import { A_BIT_MS } from '../defaults';
import { BEACH, FIXTURE, Project } from './fixtures';

test('the seed’s three follow-ups, in one session, leave only the second clip a bit longer', () => {
  const project = new Project();
  const session = project.startSession();

  const longer = session.send('make the outro a bit longer');
  expect(longer.actions).toHaveLength(1);
  expect(project.timeline.find((clip) => clip.id === 'outro')?.durationMs).toBe(5000 + A_BIT_MS);

  const undo = session.send('actually, undo that last change');
  expect(undo.actions).toEqual([{ type: 'revert', editId: session.edits[0].id }]);
  expect(project.timeline).toEqual(FIXTURE);

  const same = session.send('do the same thing to the second clip');
  expect(same.reply).toBe('Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.');

  expect(project.timeline).toEqual(FIXTURE.map((clip) => (clip.id === BEACH.id ? { ...clip, durationMs: BEACH.durationMs + A_BIT_MS } : clip)));
  expect(session.edits.map(({ intent, revertedAt }) => ({ intent, reverted: revertedAt !== null }))).toEqual([
    { intent: { action: 'lengthen', amount: A_BIT_MS, targetClipIds: ['outro'] }, reverted: true },
    { intent: { action: 'lengthen', amount: A_BIT_MS, targetClipIds: ['beach'] }, reverted: false },
  ]);
});
