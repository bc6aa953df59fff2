import type { NewEdit } from './types';

/** A value, or the reply telling the user why there is none (an ambiguous clip, an impossible edit…). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reply: string };

/** A built edit with the reply announcing it. */
export type EditOutcome = Outcome<{ edit: NewEdit; reply: string }>;

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function refuse(reply: string): { ok: false; reply: string } {
  return { ok: false, reply };
}
