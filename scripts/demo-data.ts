import { newClip, type NewClip } from '@/db/projects';

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
