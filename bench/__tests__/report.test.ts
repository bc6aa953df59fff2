import type { ContenderName } from '../contenders';
import type { LoadId, LoadResult } from '../loads';
import type { RequestStatements } from '../capture-phase';
import { checkTargets, formatReport, roundTwoTargets, type ReportInput } from '../report';
import type { MixedPhase } from '../soak';

function result(load: LoadId, contender: ContenderName, requestsPerSecond: number, p50Ms = 10): LoadResult {
  return { load, contender, requestsPerSecond, p50Ms, p99Ms: p50Ms * 2, peakRssMiB: 200, succeeded: requestsPerSecond * 10, failures: 0, seconds: 10 };
}

function phase(crestMiB: number): MixedPhase {
  return { seconds: 180, settledMiB: crestMiB, crestMiB, timeline: [], requestsPerSecond: 200, failures: 0 };
}

function input(results: LoadResult[], soakCrestMiB = 500): ReportInput {
  return {
    startedAt: new Date('2026-11-25T10:00:00Z'),
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 8, node: 'v20', postgres: 'PostgreSQL 15', loadAverageAtStart: 0, loadAverageAtEnd: 0 },
    settings: {
      mode: 'full',
      mainSessions: 100_000,
      otherProjects: 1000,
      sessionsPerOtherProject: 100,
      connections: 10,
      durationSeconds: 10,
      warmupSeconds: 3,
      rounds: 3,
      soakWarmupSeconds: 30,
      soakSeconds: 180,
    },
    results,
    memory: { startMiB: 120, warmup: phase(500), soak: phase(soakCrestMiB), lifetimePeakMiB: {} },
    statements: [],
    explained: [],
    profile: null,
    streaming: null,
    notes: [],
  };
}

const pages = (ours: number, postgraphile: number, floor: number): LoadResult[] =>
  (['page1', 'page50', 'page500'] as const).flatMap((load) => [
    result(load, 'ours', ours),
    result(load, 'postgraphile', postgraphile),
    result(load, 'floor', floor),
  ]);

describe('the benchmark targets', () => {
  it('are met when ours keeps up with PostGraphile and half the floor', () => {
    const checks = checkTargets(input([...pages(1000, 1000, 2000), result('render1', 'ours', 50, 20)]));
    expect(checks.map((check) => check.met)).toEqual([true, true, true, true, true]);
  });

  it('are missed, with the ratios and the Next.js ceiling as the figure, when ours is slower', () => {
    const checks = checkTargets(input([...pages(500, 1500, 5000), result('nextNoop', 'ours', 1400), result('render1', 'ours', 50, 20)]));
    expect(checks[0]).toMatchObject({ met: false, figure: expect.stringContaining('page 1: 0.33×') as unknown });
    expect(checks[0].figure).toContain('ceiling (a Next.js route doing nothing): 0.93×');
    expect(checks[1]).toMatchObject({ met: false, figure: expect.stringContaining('ceiling (a Next.js route doing nothing): 0.28×') as unknown });
  });

  it('miss page 500 when it is more than 1.2 times slower than page 1, and a slow render or growing memory', () => {
    const results = [
      ...pages(1000, 1000, 2000).filter((entry) => !(entry.load === 'page500' && entry.contender === 'ours')),
      result('page500', 'ours', 700, 20),
    ];
    const checks = checkTargets(input([...results, result('render1', 'ours', 5, 150)], 600));
    expect(checks.slice(2).map((check) => check.met)).toEqual([false, false, false]);
  });

  it('are "not measured" when a load did not run (memory was)', () => {
    expect(checkTargets(input([])).map((check) => check.met)).toEqual([null, null, null, null, true]);
  });

  it('print in the report with the ceiling row under the ratios', () => {
    const report = formatReport(input([...pages(500, 1500, 5000), result('nextNoop', 'ours', 1400)]));
    expect(report).toContain('| ceiling: Next.js route doing nothing (GET /api/health) vs their page 1 | 0.93× | 0.28× |');
    expect(report).toContain("| ours ≥ 1.0× PostGraphile's throughput on the sessions page |");
  });

  it('print our own cost per request beside the Next.js no-op', () => {
    const report = formatReport(input([...pages(500, 1500, 5000), result('nextNoop', 'ours', 1000)]));
    // 1/500 s per request, 1/1000 s of it Next.js's own: 1 ms is ours.
    expect(report).toContain('| sessions page 1 | 2.00 | 1.00 | 1.00 | 0.67 |');
  });
});

describe('the streaming figures', () => {
  it('print the time to the first chunk and to the end on the second device', () => {
    const report = formatReport({
      ...input([]),
      streaming: { instructions: 100, failures: 0, firstChunk: { p50Ms: 142, p99Ms: 260 }, finished: { p50Ms: 310, p99Ms: 480 } },
    });
    expect(report).toContain('## Streaming, on a second device');
    expect(report).toContain('100 instructions sent one after another');
    expect(report).toContain('| first reply chunk (`reply.delta`) | 142 ms | 260 ms |');
    expect(report).toContain('| reply finished (`reply.finished`) | 310 ms | 480 ms |');
  });

  it('are left out when the streaming load did not run', () => {
    expect(formatReport(input([]))).not.toContain('Streaming');
  });
});

describe('the round-two targets (issue #20)', () => {
  const statements = (label: RequestStatements['label'], total: number, inTransaction: number): RequestStatements => ({
    contender: 'ours',
    label,
    statementsPerRequest: total,
    statementsInTransactionPerRequest: inTransaction,
    roundTripsPerRequest: total,
    statements: [],
  });

  it('are met with pages at half the no-op route, a fast render in few statements, a doubled sendMessage and a tight tail', () => {
    const results = [...pages(800, 1500, 5000), result('nextNoop', 'ours', 1500), result('render', 'ours', 400, 20), result('sendMessage', 'ours', 700, 10)];
    const checks = roundTwoTargets({ ...input(results), statements: [statements('project page render', 3, 0), statements('sendMessage', 9, 5)] });
    expect(checks.map((check) => check.met)).toEqual([true, true, true, true]);
  });

  it('are missed, each on its own figure', () => {
    const slowTail = { ...result('sendMessage', 'ours', 700, 10), p99Ms: 40 };
    const results = [...pages(600, 1500, 5000), result('nextNoop', 'ours', 1500), result('render', 'ours', 100, 90), slowTail];
    const checks = roundTwoTargets({ ...input(results), statements: [statements('project page render', 3, 0), statements('sendMessage', 24, 19)] });
    expect(checks.map((check) => check.met)).toEqual([false, false, false, false]);
    expect(checks[0].figure).toBe('page 1: 0.40×, page 500: 0.40×');
    expect(checks[2].figure).toContain('24.0 statements, 19.0 inside the transaction');
    expect(checks[3].figure).toContain('sendMessage: 4.00×');
  });

  it('are "not measured" without their loads', () => {
    expect(roundTwoTargets(input([])).map((check) => check.met)).toEqual([null, null, null, null]);
  });
});
