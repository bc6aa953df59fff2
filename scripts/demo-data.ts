import type { NewClip } from '@/db/projects';

export const DEMO_USER = { email: 'demo@codirector.dev', password: 'codirector-demo', name: 'Demo Director' };
export const DEMO_PROJECT_NAME = 'Summer in Lisbon';
export const DEMO_PAST_SESSIONS = 45;

const footage = (name: string, kind: NewClip['kind'], durationMs: number, text: string | null = null): NewClip => ({
  name,
  kind,
  durationMs,
  fadeInMs: 0,
  fadeOutMs: 0,
  speed: 1,
  volume: 100,
  muted: false,
  text,
});

export const DEMO_TIMELINE: NewClip[] = [
  footage('Intro', 'intro', 4000, 'Summer in Lisbon'),
  footage('Arrival at the airport', 'scene', 9000),
  footage('Beach scene', 'scene', 12000),
  footage('Tram ride', 'scene', 10000),
  footage('Title card', 'title', 3000, 'Day two'),
  footage('Sunset timelapse', 'scene', 14000),
  footage('Outro', 'outro', 5000, 'Thanks for watching'),
];

/**
 * Past conversations, cycled over the demo sessions and played through the real assistant.
 * Each one leaves the timeline as it found it, so the demo timeline stays as listed above.
 */
export const DEMO_CONVERSATIONS: string[][] = [
  ['Make the intro a bit shorter', 'Make it a bit longer'],
  ['Fade in the beach scene', 'Remove the fade in from the beach scene'],
  ['Mute the tram ride', 'Unmute it'],
  ['Swap the tram ride and the beach scene', 'actually, undo that last change'],
  ['Speed up the sunset timelapse', 'undo that', 'Set the volume of the outro to 80%', 'Set the volume of the outro to 100%'],
];

const TOPICS = [
  'Tighten the opening',
  'Pacing of the beach scene',
  'Music and volume pass',
  'Title cards',
  'Ending and outro',
  'Colour of the sunset',
  'Tram ride cut',
  'Airport arrival timing',
  'Fades between scenes',
  'Final polish',
];

export function demoSessionTitle(index: number): string {
  return `${TOPICS[index % TOPICS.length]} (take ${Math.floor(index / TOPICS.length) + 1})`;
}
