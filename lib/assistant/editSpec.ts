/**
 * What an instruction asks for, independent of which clips it targets. Stored in an edit's
 * intent (as plain JSON) so "do the same thing to the second clip" can replay it.
 * `A` is how another clip is referred to: a parsed reference before resolution, an id after.
 */
import type { EditIntent } from './types';

export type CardKind = 'title' | 'intro' | 'outro';

export type Destination<A> =
  | { to: 'start' }
  | { to: 'end' }
  /** 1-based position in the resulting timeline. */
  | { to: 'position'; position: number }
  | { to: 'before' | 'after'; anchor: A };

export type EditSpec<A = string> =
  /** With `percent`, each clip changes by that share of its own length ("10% shorter", "twice as long"). */
  | { action: 'lengthen' | 'shorten'; amountMs: number; percent?: number }
  | { action: 'setDuration'; amountMs: number }
  | { action: 'fadeIn' | 'fadeOut'; amountMs: number }
  | { action: 'speedUp' | 'slowDown' | 'setSpeed'; factor: number }
  | { action: 'setVolume'; percent: number }
  | { action: 'mute' | 'unmute' }
  | { action: 'delete' | 'duplicate' | 'swap' }
  | { action: 'move'; destination: Destination<A> }
  | { action: 'split'; at: number | 'middle' }
  | { action: 'rename'; name: string }
  | { action: 'addClip'; kind: CardKind; text: string; durationMs: number; destination: Destination<A> };

/** Actions that act on clips the user names; adding a card creates its own. */
export function takesTargets(spec: EditSpec<unknown>): boolean {
  return spec.action !== 'addClip';
}

function destinationParams(destination: Destination<string>): Record<string, unknown> {
  switch (destination.to) {
    case 'before':
    case 'after':
      return { to: destination.to, anchorClipId: destination.anchor };
    case 'position':
      return { to: 'position', position: destination.position };
    default:
      return { to: destination.to };
  }
}

export function toIntent(spec: EditSpec, targetClipIds: string[]): EditIntent {
  switch (spec.action) {
    case 'lengthen':
    case 'shorten':
      return spec.percent === undefined
        ? { action: spec.action, amount: spec.amountMs, targetClipIds }
        : { action: spec.action, amount: spec.amountMs, targetClipIds, params: { percent: spec.percent } };
    case 'setDuration':
    case 'fadeIn':
    case 'fadeOut':
      return { action: spec.action, amount: spec.amountMs, targetClipIds };
    case 'speedUp':
    case 'slowDown':
    case 'setSpeed':
      return { action: spec.action, amount: spec.factor, targetClipIds };
    case 'setVolume':
      return { action: spec.action, amount: spec.percent, targetClipIds };
    case 'mute':
    case 'unmute':
    case 'delete':
    case 'duplicate':
    case 'swap':
      return { action: spec.action, targetClipIds };
    case 'move':
      return { action: spec.action, targetClipIds, params: { destination: destinationParams(spec.destination) } };
    case 'split':
      return spec.at === 'middle' ? { action: spec.action, targetClipIds, params: { at: 'middle' } } : { action: spec.action, amount: spec.at, targetClipIds };
    case 'rename':
      return { action: spec.action, text: spec.name, targetClipIds };
    case 'addClip':
      return {
        action: spec.action,
        amount: spec.durationMs,
        text: spec.text,
        targetClipIds,
        params: { kind: spec.kind, destination: destinationParams(spec.destination) },
      };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDestination(value: unknown): Destination<string> | null {
  if (!isRecord(value)) return null;
  switch (value.to) {
    case 'start':
    case 'end':
      return { to: value.to };
    case 'position':
      return typeof value.position === 'number' ? { to: 'position', position: value.position } : null;
    case 'before':
    case 'after':
      return typeof value.anchorClipId === 'string' ? { to: value.to, anchor: value.anchorClipId } : null;
    default:
      return null;
  }
}

/** Reads a stored intent back; null if it is not one the interpreter made (e.g. from another provider). */
export function specFromIntent(intent: EditIntent): EditSpec | null {
  const { action, amount, text, params } = intent;
  const hasAmount = typeof amount === 'number' && Number.isFinite(amount);
  switch (action) {
    case 'lengthen':
    case 'shorten': {
      if (!hasAmount) return null;
      const percent = params?.percent;
      return typeof percent === 'number' && percent > 0 ? { action, amountMs: amount, percent } : { action, amountMs: amount };
    }
    case 'setDuration':
    case 'fadeIn':
    case 'fadeOut':
      return hasAmount ? { action, amountMs: amount } : null;
    case 'speedUp':
    case 'slowDown':
    case 'setSpeed':
      return hasAmount ? { action, factor: amount } : null;
    case 'setVolume':
      return hasAmount ? { action, percent: amount } : null;
    case 'mute':
    case 'unmute':
    case 'delete':
    case 'duplicate':
    case 'swap':
      return { action };
    case 'move': {
      const destination = readDestination(params?.destination);
      return destination ? { action, destination } : null;
    }
    case 'split':
      if (params?.at === 'middle') return { action, at: 'middle' };
      return hasAmount ? { action, at: amount } : null;
    case 'rename':
      return typeof text === 'string' ? { action, name: text } : null;
    case 'addClip': {
      const kind = params?.kind;
      const destination = readDestination(params?.destination);
      const validKind = kind === 'title' || kind === 'intro' || kind === 'outro';
      return validKind && destination && hasAmount && typeof text === 'string' ? { action, kind, text, durationMs: amount, destination } : null;
    }
    default:
      return null;
  }
}
