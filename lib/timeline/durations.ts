import type { Timeline } from './model';

export function totalDurationMs(timeline: Timeline): number {
  return timeline.reduce((total, clip) => total + clip.durationMs, 0);
}

/** 5000 → "5.0 s": a duration as replies and the UI show it, with the precision it actually has (up to milliseconds). */
export function formatSeconds(ms: number): string {
  const rounded = Math.round(ms);
  const decimals = rounded % 100 === 0 ? 1 : rounded % 10 === 0 ? 2 : 3;
  return `${(rounded / 1000).toFixed(decimals)} s`;
}
