import { FIXTURE, Project, clip, insert, move, remove, update } from '@/lib/assistant/__tests__/fixtures';
import { instructionTitle, sessionTitle, TITLE_MAX_LENGTH, truncate, type TitledEdit } from '@/lib/sessionTitles';
import type { Operation, Timeline } from '@/lib/timeline/model';

/** Plays a conversation through the interpreter on the fixture timeline and titles it. */
function titleOf(instructions: readonly string[], timeline: Timeline = FIXTURE) {
  const project = new Project(timeline);
  const session = project.startSession();
  for (const instruction of instructions) session.send(instruction);
  return sessionTitle({
    firstInstruction: instructions[0] ?? null,
    edits: session.edits,
    clipNames: new Map(project.timeline.map((entry) => [entry.id, entry.name])),
  });
}

const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

function edit(action: string, operations: Operation[], options: { targets?: string[]; undone?: boolean } = {}): TitledEdit {
  return {
    intent: { action, targetClipIds: options.targets ?? [] },
    operations,
    revertedAt: options.undone ? new Date('2026-01-01T00:00:00Z') : null,
  };
}

describe('a title from the first instruction', () => {
  it.each([
    ['make the outro a bit longer', 'Make the outro a bit longer'],
    ['  make the outro\n\ta bit   longer.  ', 'Make the outro a bit longer'],
    ['banana', 'Banana'],
    ['trim the intro;,:.', 'Trim the intro'],
    ['is the music muted?', 'Is the music muted?'],
    ['MAKE THE OUTRO LONGER!', 'Make the outro longer!'],
    ['make the OUTRO longer', 'Make the OUTRO longer'],
    ['iMovie-style fade on the beach scene', 'IMovie-style fade on the beach scene'],
    ['éclaircir la plage', 'Éclaircir la plage'],
    ['ßig', 'ßig'],
    ['👍 looks great, fade out the outro', '👍 looks great, fade out the outro'],
    ['mute\u202E the music\u200B', 'Mute the music'],
  ])('%j → %j', (instruction, title) => {
    expect(instructionTitle(instruction)).toBe(title);
  });

  it('is null when nothing but blanks and invisibles is left', () => {
    expect(instructionTitle(' \n\u200B\u202E ')).toBeNull();
  });

  it(`cuts a long instruction on a word boundary at ${TITLE_MAX_LENGTH} characters, with an ellipsis`, () => {
    const title = instructionTitle('please could you make the outro of this lovely summer video a bit longer and the intro shorter')!;
    expect(title).toBe('Please could you make the outro of this lovely summer video…');
    expect(graphemes(title)).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
  });

  it('never leaves a comma or a space before the ellipsis', () => {
    const title = instructionTitle('shorten the intro, the outro, the beach scene, the tram ride, the airport, and the sunset')!;
    expect(title).toMatch(/\p{L}…$/u);
    expect(graphemes(title)).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
  });

  it('cuts one over-long word between characters, and never inside an emoji or an accented letter', () => {
    expect(instructionTitle('x'.repeat(100))).toBe(`X${'x'.repeat(TITLE_MAX_LENGTH - 2)}…`);
    const family = '👨‍👩‍👧';
    const emoji = instructionTitle(family.repeat(70))!;
    expect(emoji).toBe(`${family.repeat(TITLE_MAX_LENGTH - 1)}…`);
    const accented = instructionTitle('e\u0301'.repeat(70))!;
    expect(accented.normalize('NFC')).toBe(`${'É'}${'é'.repeat(TITLE_MAX_LENGTH - 2)}…`);
  });

  it('cuts text without spaces (Chinese) at a word boundary', () => {
    const title = truncate('把片尾延长两秒然后把开头缩短一秒再把音乐静音并且淡出所有的场景和标题卡片以及更多的内容还有其他的剪辑和音乐和声音和颜色', 30);
    expect(graphemes(title)).toBeLessThanOrEqual(30);
    expect(title.endsWith('…')).toBe(true);
    expect(
      '把片尾延长两秒然后把开头缩短一秒再把音乐静音并且淡出所有的场景和标题卡片以及更多的内容还有其他的剪辑和音乐和声音和颜色'.startsWith(title.slice(0, -1)),
    ).toBe(true);
  });

  it('titles a session with no edits yet from its first instruction', () => {
    expect(titleOf(['is the music muted?', 'what comes after the intro?'])).toEqual({ title: 'Is the music muted?', source: 'instruction' });
    expect(sessionTitle({ firstInstruction: null, edits: [], clipNames: new Map() })).toBeNull();
  });
});

describe('a title that summarizes the edits', () => {
  it("the seed's follow-ups: a longer outro, undone, then the same to the second clip", () => {
    expect(titleOf(['make the outro a bit longer', 'actually, undo that last change', 'do the same thing to the second clip'])).toEqual({
      title: 'Outro +2 s, then undone; Beach scene +2 s',
      source: 'edits',
    });
  });

  it.each([
    [['Make the intro a bit shorter', 'Make it a bit longer'], 'Intro −2 s, then +2 s'],
    [['make the intro 1.5 seconds longer'], 'Intro +1.5 s'],
    [['make the outro 500ms shorter'], 'Outro −0.5 s'],
    [['set the outro to 8 seconds'], 'Outro +3 s'],
    [['Fade in the beach scene', 'Remove the fade in from the beach scene'], 'Beach scene fade-in 1 s, then fade-in removed'],
    [['fade out the outro by 2 seconds'], 'Outro fade-out 2 s'],
    [['Mute the interview', 'Unmute it'], 'Interview muted, then unmuted'],
    [['Set the volume of the outro to 80%'], 'Outro volume 80%'],
    [['speed up the city scene'], 'City scene 2× speed'],
    [['slow down the interview', 'undo that'], 'Interview 0.5× speed, then undone'],
    [['move the outro to the start'], 'Outro moved'],
    [['Swap the interview and the beach scene', 'actually, undo that last change'], 'Interview and Beach scene swapped, then undone'],
    [['delete the interview'], 'Interview deleted'],
    [['duplicate the beach scene'], 'Beach scene duplicated'],
    [['split the city scene in the middle'], 'City scene split'],
    [['rename the intro to Opening'], 'Intro renamed “Opening”'],
    [['shorten the intro and fade out the outro'], 'Intro −2 s; Outro fade-out 1 s'],
    [['shorten the beach scene and the city scene'], 'Beach scene and City scene −2 s'],
    [['shorten every scene'], '3 clips −2 s'],
    [['make the outro a bit longer', 'undo', 'redo'], 'Outro +2 s'],
    [['make the intro 1 second longer', 'again', 'again', 'mute it'], 'Intro +1 s ×3, then muted'],
  ])('%j → %j', (instructions, title) => {
    expect(titleOf(instructions)).toEqual({ title, source: 'edits' });
  });

  it('names a deleted clip by the name it had, and an edit on an unknown clip as "A clip"', () => {
    const tram = clip('tram', 'Tram ride', 'scene', 10);
    expect(sessionTitle({ firstInstruction: 'x', edits: [edit('delete', [remove(3, tram)], { targets: ['tram'] })], clipNames: new Map() })?.title).toBe(
      'Tram ride deleted',
    );
    expect(
      sessionTitle({
        firstInstruction: 'x',
        edits: [edit('mute', [update('gone', { muted: false }, { muted: true })], { targets: ['gone'] })],
        clipNames: new Map(),
      })?.title,
    ).toBe('A clip muted');
  });

  it('summarizes operations it has no special words for: added cards, moves, text', () => {
    const card = clip('card', 'Title card', 'title', 3);
    const names = new Map([['outro', 'Outro']]);
    const edits = [
      edit('addClip', [insert(2, card)], { targets: ['card'] }),
      edit('compound', [move('outro', 5, 0), update('outro', { text: 'Bye' }, { text: 'Thanks' })], { targets: ['outro'] }),
    ];
    expect(sessionTitle({ firstInstruction: 'x', edits, clipNames: names })?.title).toBe('Title card added; Outro moved, text changed');
  });

  it('says a timeline restore in two words', () => {
    const edits = [edit('restoreTimeline', [update('outro', { durationMs: 7000 }, { durationMs: 5000 })], { targets: ['outro'] })];
    expect(sessionTitle({ firstInstruction: 'Restore the timeline to 1 Dec 2026', edits, clipNames: new Map() })?.title).toBe('Timeline restored');
  });

  it('keeps a lower-case clip name readable at the start and leaves a name like "iPhone footage" as it is', () => {
    const lower = [edit('mute', [update('a', { muted: false }, { muted: true })], { targets: ['a'] })];
    expect(sessionTitle({ firstInstruction: 'x', edits: lower, clipNames: new Map([['a', 'b-roll']]) })?.title).toBe('B-roll muted');
    expect(sessionTitle({ firstInstruction: 'x', edits: lower, clipNames: new Map([['a', 'iPhone footage']]) })?.title).toBe('iPhone footage muted');
  });

  it(`keeps as many whole clips as fit in ${TITLE_MAX_LENGTH} characters and counts the edits left out`, () => {
    const title = titleOf([
      'make the intro 1.5 seconds longer',
      'make the outro 500ms shorter',
      'mute the music',
      'fade out the music',
      'slow down the interview',
      'speed up the beach scene',
    ])!.title;
    expect(title).toBe('Intro +1.5 s; Outro −0.5 s; 4 more edits');
    expect(graphemes(title)).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
  });

  it('counts one edit left out in the singular, and cuts a first clip too long to fit on a word boundary', () => {
    const names = new Map([
      ['a', 'A'],
      ['b', 'B'],
      ['long', 'The very long establishing shot of the harbour at dawn with the boats'],
    ]);
    const mute = (id: string) => edit('mute', [update(id, { muted: false }, { muted: true })], { targets: [id] });
    const many = Array.from({ length: 12 }, (_, index) => mute(index % 2 ? 'a' : 'b'));
    expect(sessionTitle({ firstInstruction: 'x', edits: many, clipNames: names })?.title).toMatch(/^B muted; A muted; .*; \d+ more edits$/);
    const one = sessionTitle({ firstInstruction: 'x', edits: [mute('long'), mute('a')], clipNames: names })!.title;
    expect(one).toBe('The very long establishing shot of the harbour at dawn with…');
    expect(graphemes(one)).toBeLessThanOrEqual(TITLE_MAX_LENGTH);

    // One instruction muting two clips, the second name too long to fit: nothing more to count.
    const both = edit('mute', [update('a', { muted: false }, { muted: true }), update('long', { muted: false }, { muted: true })], { targets: ['a', 'long'] });
    expect(sessionTitle({ firstInstruction: 'x', edits: [both], clipNames: names })?.title).toBe('A and The very long establishing shot of the harbour at…');
    const compound = edit('compound', [update('a', { muted: false }, { muted: true }), update('long', { volume: 100 }, { volume: 50 })], {
      targets: ['a', 'long'],
    });
    expect(sessionTitle({ firstInstruction: 'x', edits: [compound], clipNames: names })?.title).toBe('A muted; …');

    const fits = Array.from({ length: 5 }, (_, index) => mute(['a', 'b'][index % 2]));
    const left = sessionTitle({ firstInstruction: 'x', edits: [...fits, mute('long')], clipNames: names })!.title;
    expect(left).toBe('A muted; B muted; A muted; B muted; A muted; 1 more edit');
  });
});
