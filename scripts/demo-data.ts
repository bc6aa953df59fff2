import { newClip, type NewClip } from '@/db/projects';
import { interpret } from '@/lib/assistant/interpreter';
import { applyOperations } from '@/lib/timeline/operations';
import type { SessionMessage } from '@/lib/assistant/types';
import { sessionTitle } from '@/lib/sessionTitles';
import type { Clip, SessionEdit } from '@/lib/timeline/model';

export const DEMO_USER = { email: 'demo@codirector.dev', password: 'codirector-demo', name: 'Demo Director' };
export const DEMO_PROJECT_NAME = 'Summer in Lisbon';
export const DEMO_PAST_SESSIONS = 45;

export const DEMO_TIMELINE: NewClip[] = [
  newClip('Intro', 'intro', 4000, 'Summer in Lisbon'),
  newClip('Arrival at the airport', 'scene', 9000),
  newClip('Beach scene', 'scene', 12000),
  newClip('Tram ride', 'scene', 10000),
  newClip('Title card', 'title', 3000, 'Day two'),
  newClip('Sunset timelapse', 'scene', 14000),
  newClip('Outro', 'outro', 5000, 'Thanks for watching'),
];

/** How the seeded conversations name each clip, in the timeline's order. */
const CLIP_REFERENCES = ['intro', 'airport clip', 'beach scene', 'tram ride', 'title card', 'sunset timelapse', 'outro'];

/** Each conversation edits one clip (or two) and leaves it as it found it, so the demo timeline stays as listed above. */
const ONE_CLIP: ((clip: string) => string[])[] = [
  (clip) => [`Make the ${clip} a bit shorter`, 'Make it a bit longer'],
  (clip) => [`Fade in the ${clip}`, `Remove the fade in from the ${clip}`],
  (clip) => [`Mute the ${clip}`, 'Unmute it'],
  (clip) => [`Speed up the ${clip}`, 'undo that'],
  (clip) => [`Set the volume of the ${clip} to 80%`, `Set the volume of the ${clip} to 100%`],
  (clip) => [`make the ${clip} a bit longer`, 'actually, undo that last change'],
];
const QUESTIONS = ['How long is the whole video?', 'Which clip is the longest?', 'What comes after the intro?'];

/**
 * The past conversations, oldest first, played through the real assistant by the seed: every
 * kind of edit on every clip, in an order where neighbours differ, with a few swaps and
 * questions among them (questions make no edit, so their first instruction titles them).
 */
export const DEMO_CONVERSATIONS: string[][] = (() => {
  const oneClip: string[][] = [];
  for (let round = 0; round < ONE_CLIP.length; round += 1) {
    CLIP_REFERENCES.forEach((clip, index) => oneClip.push(ONE_CLIP[(index + round) % ONE_CLIP.length](clip)));
  }
  const others = [
    ...[
      ['tram ride', 'beach scene'],
      ['intro', 'airport clip'],
      ['sunset timelapse', 'title card'],
    ].map(([first, second]) => [`Swap the ${first} and the ${second}`, 'actually, undo that last change']),
    ...QUESTIONS.map((question) => [question]),
  ];
  // Every sixth conversation is a swap or a question.
  const conversations: string[][] = [];
  for (const conversation of oneClip.slice(0, DEMO_PAST_SESSIONS - others.length)) {
    conversations.push(conversation);
    if (conversations.length % 7 === 6) conversations.push(others.shift()!);
  }
  return [...conversations, ...others];
})();

/**
 * The titles the seeded sessions get, oldest first: each conversation played through the
 * interpreter on the demo timeline and titled by lib/sessionTitles.ts, as the app titles them.
 */
export function demoSessionTitles(): string[] {
  let timeline: Clip[] = DEMO_TIMELINE.map((clip, index) => ({ ...clip, id: `clip-${index}` }));
  let edits = 0;
  return DEMO_CONVERSATIONS.map((conversation) => {
    const played = playConversation(timeline, conversation, () => `edit-${(edits += 1)}`);
    timeline = played.timeline;
    const title = sessionTitle({ firstInstruction: conversation[0], edits: played.edits, clipNames: new Map(timeline.map((clip) => [clip.id, clip.name])) });
    return title?.title ?? '';
  });
}

/** One conversation through the interpreter, its actions applied as the app stores them. */
export function playConversation(start: readonly Clip[], instructions: readonly string[], nextEditId: () => string) {
  let timeline = [...start];
  let edits: SessionEdit[] = [];
  const messages: SessionMessage[] = [];
  const at = new Date(0);
  for (const instruction of instructions) {
    const result = interpret({ timeline, context: { messages, edits }, instruction });
    messages.push({ role: 'user', content: instruction }, { role: 'assistant', content: result.reply });
    for (const action of result.actions) {
      if (action.type === 'apply') {
        timeline = applyOperations(timeline, action.edit.operations);
        edits = [...edits, { ...action.edit, id: nextEditId(), createdAt: at, revertedAt: null }];
        continue;
      }
      const stored = edits.find((edit) => edit.id === action.editId)!;
      timeline = applyOperations(timeline, action.type === 'revert' ? stored.inverse : stored.operations);
      edits = edits.map((edit) => (edit.id === stored.id ? { ...edit, revertedAt: action.type === 'revert' ? at : null } : edit));
    }
  }
  return { timeline, edits, messages };
}
