import path from 'node:path';

/** What the generator loads; the database records it, so a rerun with the same figures skips loading. */
export interface DataParams {
  /** Sessions of the one large project the page loads read. */
  mainSessions: number;
  otherProjects: number;
  sessionsPerOtherProject: number;
  /** Every n-th session holds a longer conversation (six messages instead of two). */
  longConversationEvery: number;
}

export interface BenchOptions {
  quick: boolean;
  /** Drop and regenerate the data even when it matches. */
  fresh: boolean;
  /** Reuse the production build in `.next-bench` instead of building again. */
  skipBuild: boolean;
  /** Start our server with `--cpu-prof` and summarise the profile at the end. */
  cpuProfile: boolean;
  /** Only the profile: our server under one load (profileLoad), then its hottest functions. */
  profileOnly: boolean;
  /** The load the profile is taken under (BENCH_PROFILE_LOAD). */
  profileLoad: ProfiledLoad;
  databaseUrl: string;
  data: DataParams;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Mixed load on our server right before the soak; the soak's memory is compared with its end. */
  soakWarmupSeconds: number;
  soakSeconds: number;
  /** Model replies timed on a second device (bench/streaming.ts). */
  streamingInstructions: number;
  /** Where logs, profiles and the latest table go (git-ignored). */
  outDir: string;
  /** The Next.js build folder of the benchmark, apart from the development `.next`. */
  nextDistDir: string;
}

export const PROFILED_LOADS = ['page1', 'sendMessage'] as const;
export type ProfiledLoad = (typeof PROFILED_LOADS)[number];

function profiledLoad(env: NodeJS.ProcessEnv): ProfiledLoad {
  const raw = env.BENCH_PROFILE_LOAD?.trim() || 'page1';
  if (!(PROFILED_LOADS as readonly string[]).includes(raw)) throw new Error(`BENCH_PROFILE_LOAD must be one of ${PROFILED_LOADS.join(', ')}, got "${raw}".`);
  return raw as ProfiledLoad;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cds_bench';

const FULL_DATA: DataParams = { mainSessions: 100_000, otherProjects: 1_000, sessionsPerOtherProject: 100, longConversationEvery: 20 };
// Page 500 needs 10,000 sessions; the quick data set keeps twice that.
const QUICK_DATA: DataParams = { mainSessions: 20_000, otherProjects: 50, sessionsPerOtherProject: 100, longConversationEvery: 20 };

const FLAGS = ['--quick', '--fresh', '--skip-build', '--cpu-prof', '--profile-only', '--help'] as const;
type Flag = (typeof FLAGS)[number];

export const USAGE = `Usage: npx tsx bench/run.ts [--quick] [--fresh] [--skip-build] [--cpu-prof] [--profile-only]

  --quick       20k sessions, 3 s loads, one round, 15 s soak: a smoke run of a few minutes
  --fresh       drop and regenerate the benchmark database
  --skip-build  reuse the production build in .next-bench
  --cpu-prof    profile our server (node --cpu-prof) and print its hottest functions
  --profile-only  only that profile, with its req/s: a minute's loop while tuning

Environment: BENCH_DATABASE_URL (default ${DEFAULT_DATABASE_URL}; --quick appends _quick to the
database name), BENCH_SOAK_SECONDS (default 180), BENCH_SOAK_WARMUP_SECONDS (30),
BENCH_DURATION_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10),
BENCH_PROFILE_LOAD (the load profiled: page1, the default, or sendMessage), BENCH_STREAMING_INSTRUCTIONS
(model replies timed on a second device: 100, 20 with --quick).`;

function isFlag(arg: string): arg is Flag {
  return (FLAGS as readonly string[]).includes(arg);
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}".`);
  return value;
}

function withDatabaseSuffix(url: string, suffix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}${suffix}`;
  return parsed.toString();
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  const flags = new Set<Flag>();
  for (const arg of argv) {
    if (!isFlag(arg)) throw new Error(`Unknown argument "${arg}".\n\n${USAGE}`);
    flags.add(arg);
  }
  if (flags.has('--help')) return 'help';
  const quick = flags.has('--quick');
  const baseUrl = env.BENCH_DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  return {
    quick,
    fresh: flags.has('--fresh'),
    skipBuild: flags.has('--skip-build'),
    cpuProfile: flags.has('--cpu-prof') || flags.has('--profile-only'),
    profileOnly: flags.has('--profile-only'),
    profileLoad: profiledLoad(env),
    databaseUrl: quick ? withDatabaseSuffix(baseUrl, '_quick') : baseUrl,
    data: quick ? QUICK_DATA : FULL_DATA,
    connections: positiveNumber(env, 'BENCH_CONNECTIONS', 10),
    durationSeconds: positiveNumber(env, 'BENCH_DURATION_SECONDS', quick ? 3 : 10),
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP_SECONDS', quick ? 1 : 3),
    rounds: Math.round(positiveNumber(env, 'BENCH_ROUNDS', quick ? 1 : 3)),
    soakWarmupSeconds: positiveNumber(env, 'BENCH_SOAK_WARMUP_SECONDS', quick ? 6 : 30),
    soakSeconds: positiveNumber(env, 'BENCH_SOAK_SECONDS', quick ? 15 : 180),
    streamingInstructions: Math.round(positiveNumber(env, 'BENCH_STREAMING_INSTRUCTIONS', quick ? 20 : 100)),
    outDir: path.join(process.cwd(), 'bench', 'out'),
    nextDistDir: '.next-bench',
  };
}
