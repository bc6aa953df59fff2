import { runLoad, type LoadTarget } from './loads';
import { settledRssMiB, treeMemory } from './rss';

/**
 * Memory of our server under a long mixed load. V8 grows its heap under load and collects in
 * a sawtooth, so one reading lands anywhere between trough and crest; each phase therefore
 * also keeps the crest (highest RSS) of its last third, which is where a leak would show.
 */

export interface RssSample {
  seconds: number;
  rssMiB: number;
}

export interface MixedPhase {
  seconds: number;
  /** RSS a moment after the load stopped. */
  settledMiB: number;
  /** Highest RSS over the last third of the phase. */
  crestMiB: number;
  timeline: RssSample[];
  requestsPerSecond: number;
  failures: number;
}

const SAMPLE_EVERY_MS = 1_000;

export async function mixedPhase(target: LoadTarget, seconds: number): Promise<MixedPhase> {
  const timeline: RssSample[] = [];
  const started = Date.now();
  const timer = setInterval(() => timeline.push({ seconds: (Date.now() - started) / 1000, rssMiB: treeMemory(target.pid).rssMiB }), SAMPLE_EVERY_MS);
  const result = await runLoad(target, seconds).finally(() => clearInterval(timer));
  const lastThird = timeline.filter((sample) => sample.seconds >= (seconds * 2) / 3);
  return {
    seconds,
    settledMiB: await settledRssMiB(target.pid),
    crestMiB: Math.max(0, ...lastThird.map((sample) => sample.rssMiB)),
    timeline,
    requestsPerSecond: result.requestsPerSecond,
    failures: result.failures,
  };
}

/** About `count` evenly spread samples of a timeline, for printing. */
export function thinTimeline(timeline: readonly RssSample[], count = 12): RssSample[] {
  if (timeline.length <= count) return [...timeline];
  const step = timeline.length / count;
  return Array.from({ length: count }, (_, index) => timeline[Math.min(timeline.length - 1, Math.round((index + 1) * step) - 1)]);
}
