import { config } from '@/lib/config';
import { createInterpreterAssistant } from './interpreter';
import type { Assistant } from './types';

const PROVIDERS: Record<string, () => Assistant> = {
  interpreter: () => createInterpreterAssistant(),
};

/** The built-in assistant ASSISTANT_PROVIDER chooses (lib/providers knows the models); the interpreter when unset. */
export function getAssistant(env: Readonly<Record<string, string | undefined>> = process.env): Assistant {
  const provider = config(env).ASSISTANT_PROVIDER;
  const create = PROVIDERS[provider];
  if (!create) {
    throw new Error(`Unknown ASSISTANT_PROVIDER "${provider}". Known providers: ${Object.keys(PROVIDERS).join(', ')}.`);
  }
  return create();
}

export type * from './types';
export { CLIP_KINDS } from './types';
export {
  A_BIT_MS,
  DEFAULT_CARD_DURATION_MS,
  DEFAULT_FADE_MS,
  DEFAULT_SLOW_DOWN_FACTOR,
  DEFAULT_SPEED_UP_FACTOR,
  MAX_SPEED,
  MIN_CLIP_DURATION_MS,
  MIN_SPEED,
} from './defaults';
export { createInterpreterAssistant, interpret, type InterpretOptions } from './interpreter';
export { formatSeconds } from './replies';
