import { combineRounds, LOAD_LABELS, runLoad, type LoadResult, type LoadTarget } from './loads';

/**
 * Every target warmed up once, then measured in rounds: within a load the contenders take
 * turns, and each round starts with a different one, so a disturbance of the machine does not
 * always fall on the same contender.
 */

const log = (line: string) => console.log(line);

/** Groups targets by load, keeping the order loads were listed in. */
function byLoad(targets: readonly LoadTarget[]): LoadTarget[][] {
  const groups = new Map<string, LoadTarget[]>();
  for (const target of targets) groups.set(target.load, [...(groups.get(target.load) ?? []), target]);
  return [...groups.values()];
}

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, index) => items[(index + by) % items.length]);

export async function warmUp(targets: readonly LoadTarget[], seconds: number): Promise<void> {
  log(`Warm-up: ${seconds} s of each load on each contender`);
  for (const target of targets) {
    const warm = await runLoad(target, seconds);
    if (warm.failures > 0) log(`  warning: ${warm.failures} failures warming up ${target.contender} on ${LOAD_LABELS[target.load]}`);
  }
}

export async function runRounds(targets: readonly LoadTarget[], options: { rounds: number; durationSeconds: number }): Promise<LoadResult[]> {
  const rounds = new Map<string, LoadResult[]>();
  for (let round = 0; round < options.rounds; round += 1) {
    log(`Round ${round + 1} of ${options.rounds}`);
    for (const group of byLoad(targets)) {
      for (const target of rotate(group, round)) {
        const result = await runLoad(target, options.durationSeconds);
        log(
          `  ${LOAD_LABELS[target.load].padEnd(34)} ${target.contender.padEnd(12)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s` +
            `  p50 ${result.p50Ms.toFixed(1).padStart(6)} ms  p99 ${result.p99Ms.toFixed(1).padStart(6)} ms` +
            (result.failures ? `  ${result.failures} failures` : ''),
        );
        const key = `${target.load}/${target.contender}`;
        rounds.set(key, [...(rounds.get(key) ?? []), result]);
      }
    }
  }
  return [...rounds.values()].map(combineRounds);
}
