import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureStatements, type CaptureTarget, type RequestStatements } from './capture-phase';
import { compileServers, type ServerSource } from './compile-servers';
import { startFloor, startPostGraphile, type ContenderName, type ServerSettings } from './contenders';
import { explainStatements, readsSessions, type ExplainedQuery } from './explain';
import { ensureBenchData, type BenchData } from './generate-data';
import { LOAD_LABELS, runLoad, type LoadResult, type LoadTarget } from './loads';
import { describeMachine } from './machine';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { buildOurs, oursAvailability, oursSettings, startOurs, type Ours } from './ours';
import { installCleanupHandlers, stopAll } from './processes';
import { latestProfile, summariseProfile, type ProfileSummary } from './profile';
import { formatProfile, formatReport, type MemoryFigures } from './report';
import { runRounds, warmUp } from './rounds';
import { settledRssMiB, treeMemory } from './rss';
import { mixedPhase } from './soak';
import { mixedTarget, oursOnlyTargets, sessionPageTargets, walkAll, type Walks } from './targets';
import { measureStreaming, type StreamingFigures } from './streaming';

/**
 * `npm run bench`: loads the data, starts the three contenders, walks their cursors, runs every
 * load on each in alternating rounds, soaks our server, explains our query and prints the table.
 */

/** Projects whose sessions the sendMessage load writes to (one concurrent request per project). */
const SEND_MESSAGE_PROJECTS = 20;

const log = (line: string) => console.log(line);

/** One NEXTAUTH_SECRET per run: cursors and cookies of one instance of ours work on the next. */
const AUTH_SECRET = randomBytes(32).toString('base64url');

/** A second server, profiled, under one load alone (the sessions page 1 unless BENCH_PROFILE_LOAD says): a clean picture of that path. */
async function profileLoad(options: BenchOptions, server: ServerSettings, data: BenchData): Promise<(ProfileSummary & { load: string }) | null> {
  const dir = path.join(options.outDir, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`Profiling our server under the ${LOAD_LABELS[options.profileLoad]} load (--cpu-prof)`);
  const profiled = await startOurs(oursSettings(options, server, dir, AUTH_SECRET), data, SEND_MESSAGE_PROJECTS);
  const target: LoadTarget = {
    load: options.profileLoad,
    contender: 'ours',
    baseUrl: profiled.contender.baseUrl,
    pid: profiled.process.pid,
    connections: options.connections,
    source:
      options.profileLoad === 'sendMessage'
        ? { kind: 'generated', next: () => profiled.nextSendMessage() }
        : { kind: 'fixed', request: profiled.contender.sessionsRequest(null) },
  };
  const load = await runLoad(target, options.warmupSeconds + options.durationSeconds);
  log(`  ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.failures} failures (profiling slows it)`);
  // The profile is written when the process exits on SIGTERM.
  await profiled.process.stop();
  const file = latestProfile(dir);
  if (!file) {
    log('  no profile was written (the server did not exit cleanly)');
    return null;
  }
  return { ...summariseProfile(file), load: LOAD_LABELS[options.profileLoad] };
}

async function measureStreamingOrNote(options: BenchOptions, server: ServerSettings, data: BenchData, notes: string[]): Promise<StreamingFigures | null> {
  log(`Timing ${options.streamingInstructions} model replies on a second device`);
  try {
    return await measureStreaming(oursSettings(options, server, null, AUTH_SECRET), data, options.streamingInstructions);
  } catch (error) {
    notes.push(`streaming: not measured, ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return null;
  }
}

async function buildAndStartOurs(options: BenchOptions, server: ServerSettings, data: BenchData): Promise<Ours> {
  if (!options.skipBuild) {
    log(`Building our app into ${options.nextDistDir} (log: bench/out/next-build.log)`);
    await buildOurs(oursSettings(options, server, null, AUTH_SECRET));
  }
  log('Starting our app (scripts/server.mjs)');
  return startOurs(oursSettings(options, server, null, AUTH_SECRET), data, SEND_MESSAGE_PROJECTS);
}

function captureTargetsFor(options: BenchOptions, data: BenchData, scripts: Record<ServerSource, string>, walks: Walks, withOurs: boolean): CaptureTarget[] {
  const afterFor = (name: ContenderName) => (page: 1 | 500) => walks.byContender.get(name)?.get(page)?.after ?? null;
  const targets: CaptureTarget[] = [
    {
      name: 'postgraphile',
      start: async (settings) => ({ contender: await startPostGraphile(settings, scripts['postgraphile-server.ts'], data.mainProjectId), extra: [] }),
      afterFor: afterFor('postgraphile'),
    },
    {
      name: 'floor',
      start: async (settings) => ({ contender: await startFloor(settings, scripts['floor-server.ts'], data.mainProjectId), extra: [] }),
      afterFor: afterFor('floor'),
    },
  ];
  if (!withOurs) return targets;
  const ours: CaptureTarget = {
    name: 'ours',
    async start(settings) {
      const ours = await startOurs(oursSettings(options, settings, null, AUTH_SECRET), data, 1);
      const render = ours.projectPageRequest ? [{ label: 'project page render' as const, request: ours.projectPageRequest }] : [];
      return { contender: ours.contender, extra: [...render, { label: 'sendMessage' as const, request: () => ours.nextSendMessage() }] };
    },
    afterFor: afterFor('ours'),
  };
  return [ours, ...targets];
}

/** The plan of every statement of ours that reads the sessions list, on page 1 and page 500. */
async function explainOurStatements(databaseUrl: string, statements: readonly RequestStatements[]): Promise<ExplainedQuery[]> {
  const labelled = statements
    .filter((entry) => entry.contender === 'ours' && (entry.label === 'sessions page 1' || entry.label === 'sessions page 500'))
    .flatMap((entry) =>
      entry.statements.filter(readsSessions).map((statement, index) => ({ label: `${entry.label}, sessions statement ${index + 1}`, statement })),
    );
  return explainStatements(databaseUrl, labelled);
}

async function runRoundsAndMemory(
  targets: readonly LoadTarget[],
  options: BenchOptions,
  ours: Ours | null,
  walks: Walks,
  startMiB: number,
): Promise<{ loads: LoadResult[]; memory: MemoryFigures | null }> {
  await warmUp(targets, options.warmupSeconds);
  const loads = await runRounds(targets, options);
  if (!ours) return { loads, memory: null };
  const mixed = mixedTarget(ours, walks, options.connections);
  log(`Soak warm-up: ${options.soakWarmupSeconds} s of mixed load on our server`);
  const warmup = await mixedPhase(mixed, options.soakWarmupSeconds);
  log(`  RSS crest ${warmup.crestMiB.toFixed(0)} MiB, settled ${warmup.settledMiB.toFixed(0)} MiB`);
  log(`Soak: ${options.soakSeconds} s of mixed load on our server`);
  const soak = await mixedPhase(mixed, options.soakSeconds);
  log(`  ${soak.requestsPerSecond.toFixed(0)} req/s, RSS crest ${soak.crestMiB.toFixed(0)} MiB, settled ${soak.settledMiB.toFixed(0)} MiB`);
  return { loads, memory: { startMiB, warmup, soak, lifetimePeakMiB: {} } };
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return;
  }
  const options = parsed;
  installCleanupHandlers();
  fs.mkdirSync(options.outDir, { recursive: true });
  const startedAt = new Date();
  const notes: string[] = [];

  const data = await ensureBenchData(options.databaseUrl, options.data, { fresh: options.fresh, log });
  const machine = await describeMachine(options.databaseUrl);
  const server: ServerSettings = { databaseUrl: options.databaseUrl, outDir: options.outDir, poolMax: 10, logSuffix: '' };
  if (options.profileOnly) {
    if (!options.skipBuild) await buildOurs(oursSettings(options, server, null, AUTH_SECRET));
    const profile = await profileLoad(options, server, data);
    if (profile) console.log(`\n${formatProfile(profile)}`);
    return;
  }
  const scripts = compileServers(options.outDir);

  const availability = oursAvailability();
  let ours: Ours | null = null;
  if (!availability.graphql) {
    notes.push('ours: not measured, app/api/graphql/route.ts does not exist yet.');
  } else {
    ours = await buildAndStartOurs(options, server, data).catch((error: unknown) => {
      // The other contenders still run; the run as a whole fails at the end.
      notes.push(`ours: not measured, ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      return null;
    });
    if (ours && !ours.projectPageRequest) notes.push('project page render: pending, app/projects/[id]/page.tsx does not exist yet.');
  }
  const startMiB = ours ? await settledRssMiB(ours.process.pid) : 0;
  log('Starting PostGraphile and the floor');
  const postgraphile = await startPostGraphile(server, scripts['postgraphile-server.ts'], data.mainProjectId);
  const floor = await startFloor(server, scripts['floor-server.ts'], data.mainProjectId);
  const contenders = [...(ours ? [ours.contender] : []), postgraphile, floor];

  log('Walking each API to pages 50 and 500');
  const walks = await walkAll(contenders);
  const targets = [...sessionPageTargets(contenders, walks, options.connections), ...(ours ? oursOnlyTargets(ours, options.connections) : [])];
  const results = await runRoundsAndMemory(targets, options, ours, walks, startMiB);

  for (const result of results.loads.filter((entry) => entry.failures > 0)) {
    notes.push(`${result.contender} on ${LOAD_LABELS[result.load]}: ${result.failures} failed requests; see the server log in bench/out.`);
  }
  const memory = results.memory;
  if (memory) {
    for (const contender of contenders) memory.lifetimePeakMiB[contender.name] = treeMemory(contender.process.pid).peakMiB;
  }
  await stopAll();

  const streaming = ours ? await measureStreamingOrNote(options, server, data, notes) : null;

  log('Capturing the SQL each contender sends for pages 1 and 500 (and our project page)');
  const captureTargets = captureTargetsFor(options, data, scripts, walks, ours !== null);
  const statements = await captureStatements(server, captureTargets);
  log('Explaining our sessions statements');
  const explained = await explainOurStatements(options.databaseUrl, statements);
  const profile = options.cpuProfile && ours ? await profileLoad(options, server, data) : null;

  const report = formatReport({
    startedAt,
    machine: { ...machine, loadAverageAtEnd: os.loadavg()[0] },
    settings: {
      mode: options.quick ? 'quick' : 'full',
      mainSessions: options.data.mainSessions,
      otherProjects: options.data.otherProjects,
      sessionsPerOtherProject: options.data.sessionsPerOtherProject,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      rounds: options.rounds,
      soakWarmupSeconds: options.soakWarmupSeconds,
      soakSeconds: options.soakSeconds,
    },
    results: results.loads,
    memory,
    statements,
    explained,
    profile,
    streaming,
    notes,
  });
  const file = path.join(options.outDir, 'latest.md');
  fs.writeFileSync(file, `${report}\n`);
  console.log(`\n${report}\nWritten to ${path.relative(process.cwd(), file)}.`);
}

main()
  .catch((error: unknown) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
