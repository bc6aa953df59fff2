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

/** Past conversations: an instruction and CoDirector's answer, cycled over the 45 sessions. */
export const DEMO_CONVERSATIONS: [string, string][][] = [
  [
    ['Make the intro a bit shorter', 'Made “Intro” 2.0 s shorter: 6.0 s → 4.0 s.'],
    ['Add a fade in to it', 'Added a 1.0 s fade in to “Intro”.'],
  ],
  [
    ['Trim the beach scene by 3 seconds', 'Made “Beach scene” 3.0 s shorter: 15.0 s → 12.0 s.'],
    ['Slow it down slightly', 'Set “Beach scene” to 0.5× speed.'],
    ['actually, undo that last change', 'Undid: set “Beach scene” to 0.5× speed.'],
  ],
  [
    ['Mute the tram ride', 'Muted “Tram ride”.'],
    ['Swap the tram ride and the beach scene', 'Swapped “Tram ride” and “Beach scene”.'],
    ['undo that', 'Undid: swapped “Tram ride” and “Beach scene”.'],
  ],
  [
    ['Add a title "Day two" before the sunset timelapse', 'Added title “Day two” before “Sunset timelapse”.'],
    ['Make the outro a bit longer', 'Made “Outro” 2.0 s longer: 3.0 s → 5.0 s.'],
  ],
  [
    ['Fade out the sunset timelapse over 2 seconds', 'Added a 2.0 s fade out to “Sunset timelapse”.'],
    ['do the same thing to the outro', 'Added a 2.0 s fade out to “Outro”.'],
  ],
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
