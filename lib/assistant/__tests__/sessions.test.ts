import { describeTimeline, Project } from './fixtures';

describe('a new session starts without the old one’s context', () => {
  test('it cannot undo, redo, repeat or say “it” about what an earlier session did, and the edits stay', () => {
    const project = new Project();
    const earlier = project.startSession();
    earlier.send('make the outro a bit longer');
    earlier.send('fade in the intro');
    earlier.send('undo');
    const timelineBefore = project.timeline;

    const fresh = project.startSession();
    expect(fresh.send('undo that')).toEqual({ reply: "There's nothing in this session to undo.", actions: [] });
    expect(fresh.send('redo')).toEqual({ reply: "There's nothing to redo in this session.", actions: [] });
    expect(fresh.send('do the same thing to the intro')).toEqual({
      reply: "There's nothing in this session to repeat yet.",
      actions: [],
    });
    expect(fresh.send('make it shorter')).toEqual({
      reply: "Which clip do you mean? I haven't changed any clip in this session yet.",
      actions: [],
    });
    expect(project.timeline).toBe(timelineBefore);
    expect(describeTimeline(project.timeline)).toContain('Outro 7s');
  });
});

describe('restoring a session', () => {
  test('“undo that last change” means that session’s last edit, not another session’s', () => {
    const project = new Project();
    const first = project.startSession();
    first.send('make the outro a bit longer');
    const second = project.startSession();
    second.send('mute the music');

    const result = first.send('undo that last change');

    expect(result.actions).toEqual([{ type: 'revert', editId: first.edits[0].id }]);
    expect(describeTimeline(project.timeline)).toEqual([
      'Intro 4s',
      'Beach scene 12s',
      'City scene 9s',
      'Interview 20s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s muted',
    ]);
  });

  test('“that last change” skips edits already undone', () => {
    const session = new Project().startSession();
    session.send('make the outro a bit longer');
    session.send('fade in the intro');
    session.send('undo');

    expect(session.send('undo that last change')).toEqual({
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [{ type: 'revert', editId: session.edits[0].id }],
    });
  });
});

describe('undo and redo never corrupt a timeline changed elsewhere', () => {
  test('undo refuses when another session changed the same value since', () => {
    const project = new Project();
    const mine = project.startSession();
    mine.send('make the outro a bit longer');
    project.startSession().send('shorten the outro by 1 second');
    const timelineBefore = project.timeline;

    expect(mine.send('undo')).toEqual({
      reply:
        "I can't undo that change (made “Outro” 2.0 s longer) because the timeline has changed since: the duration of “Outro” is now 6.0 s, not 7.0 s. Nothing was changed.",
      actions: [],
    });
    expect(project.timeline).toBe(timelineBefore);
  });

  test('undo still works when another session changed something else about the clip', () => {
    const project = new Project();
    const mine = project.startSession();
    mine.send('make the outro a bit longer');
    project.startSession().send('fade out the outro');

    expect(mine.send('undo').reply).toBe('Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.');
    expect(describeTimeline(project.timeline)).toContain('Outro 5s fade-out 1s');
  });

  test('undoing a duplicate refuses once the copy was edited elsewhere', () => {
    const project = new Project();
    const mine = project.startSession();
    mine.send('duplicate the intro');
    project.startSession().send('rename the intro copy to "Second intro"');

    expect(mine.send('undo')).toEqual({
      reply:
        "I can't undo that change (duplicated “Intro”) because the timeline has changed since: “Second intro” has been edited in the meantime. Nothing was changed.",
      actions: [],
    });
  });

  test('redo refuses when the clip it changes was deleted elsewhere', () => {
    const project = new Project();
    const mine = project.startSession();
    mine.send('make the outro a bit longer');
    mine.send('undo');
    project.startSession().send('delete the outro');

    expect(mine.send('redo')).toEqual({
      reply:
        "I can't redo that change (made “Outro” 2.0 s longer) because the timeline has changed since: a clip this change affects is no longer in the timeline. Nothing was changed.",
      actions: [],
    });
  });

  test('a multi-step undo applies nothing if any step conflicts', () => {
    const project = new Project();
    const mine = project.startSession();
    mine.send('make the outro a bit longer');
    mine.send('fade in the intro');
    project.startSession().send('shorten the outro by 1 second');

    const result = mine.send('undo the last 2 changes');

    expect(result.actions).toEqual([]);
    expect(result.reply).toContain("I can't undo that change (made “Outro” 2.0 s longer)");
  });
});

test('redo walks back through undone edits, most recently undone first', () => {
  const session = new Project().startSession();
  session.send('make the outro a bit longer');
  session.send('fade in the intro');
  session.send('undo the last 2 changes');

  expect(session.send('redo').reply).toBe('Redid: made “Outro” 2.0 s longer. “Outro” is now 7.0 s.');
  expect(session.send('redo').reply).toBe('Redid: added a 1.0 s fade-in to “Intro”.');
  expect(session.send('redo').reply).toBe("There's nothing to redo in this session.");
});

test('an edit another provider stored is undone like any other but not repeated by guesswork', () => {
  const project = new Project();
  const session = project.startSession();
  session.edits = [
    {
      id: 'foreign',
      description: 'Colour-graded “Intro”',
      intent: { action: 'colourGrade', targetClipIds: ['intro'], params: { look: 'warm' } },
      operations: [{ type: 'update', clipId: 'intro', before: { name: 'Intro' }, after: { name: 'Intro (warm)' } }],
      inverse: [{ type: 'update', clipId: 'intro', before: { name: 'Intro (warm)' }, after: { name: 'Intro' } }],
      createdAt: project.now(),
      revertedAt: null,
    },
  ];
  project.timeline = project.timeline.map((clip) => (clip.id === 'intro' ? { ...clip, name: 'Intro (warm)' } : clip));

  expect(session.send('do the same thing to the outro')).toEqual({
    reply: "I can't repeat that change (colour-graded “Intro”) by myself.",
    actions: [],
  });
  expect(session.send('undo').reply).toBe('Undid: colour-graded “Intro”.');
  expect(describeTimeline(project.timeline)[0]).toBe('Intro 4s');
});
