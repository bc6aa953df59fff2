import type { RequestStatements } from './capture-phase';
import { CONTENDER_LABELS, type ContenderName } from './contenders';
import type { ExplainedQuery } from './explain';
import { LOAD_LABELS, type LoadId, type LoadResult } from './loads';
import type { BenchOptions, DataParams } from './options';
import type { ProfileSummary } from './profile';
import { thinTimeline, type MixedPhase } from './soak';
import type { StreamingFigures } from './streaming';

/** Turns the results into the Markdown the benchmark prints and saves as bench/out/latest.md. */

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  loadAverageAtStart: number;
  /** The machine is shared: a high figure here means the run was disturbed. */
  loadAverageAtEnd: number;
}

/** The parts of the options a report states. */
export type RunSettings = { mode: 'quick' | 'full' } & Pick<DataParams, 'mainSessions' | 'otherProjects' | 'sessionsPerOtherProject'> &
  Pick<BenchOptions, 'connections' | 'durationSeconds' | 'warmupSeconds' | 'rounds' | 'soakWarmupSeconds' | 'soakSeconds'>;

export interface MemoryFigures {
  /** RSS once the server answered its first request. */
  startMiB: number;
  /** The mixed load that warms the server up right before the soak. */
  warmup: MixedPhase;
  soak: MixedPhase;
  /** Lifetime peak (sum of VmHWM) of each server at the end. */
  lifetimePeakMiB: Partial<Record<ContenderName, number>>;
}

export interface ReportInput {
  startedAt: Date;
  machine: MachineInfo;
  settings: RunSettings;
  results: LoadResult[];
  memory: MemoryFigures | null;
  statements: RequestStatements[];
  explained: ExplainedQuery[];
  /** With the label of the load it was taken under. */
  profile: (ProfileSummary & { load: string }) | null;
  /** The streaming path as a second device sees it (bench/streaming.ts); null when it did not run. */
  streaming: StreamingFigures | null;
  /** Loads or contenders that could not run, and why. */
  notes: string[];
}

export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean | null;
}

const SESSION_PAGES: readonly LoadId[] = ['page1', 'page50', 'page500'];
const num = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (value: number) => `${value.toFixed(2)}×`;
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : '**missed**');

function find(results: readonly LoadResult[], load: LoadId, contender: ContenderName): LoadResult | undefined {
  return results.find((result) => result.load === load && result.contender === contender);
}

function throughputRatio(results: readonly LoadResult[], load: LoadId, other: ContenderName): number | null {
  const ours = find(results, load, 'ours');
  const theirs = find(results, load, other);
  return ours && theirs && theirs.requestsPerSecond > 0 ? ours.requestsPerSecond / theirs.requestsPerSecond : null;
}

/** The Next.js no-op route of ours against the other's sessions page 1: the most any request of ours could reach. */
function ceilingRatio(results: readonly LoadResult[], other: ContenderName): number | null {
  const noop = find(results, 'nextNoop', 'ours');
  const theirs = find(results, 'page1', other);
  return noop && theirs && theirs.requestsPerSecond > 0 ? noop.requestsPerSecond / theirs.requestsPerSecond : null;
}

function ratioTarget(results: readonly LoadResult[], other: ContenderName, minimum: number): TargetCheck {
  const ratios = SESSION_PAGES.map((load) => [load, throughputRatio(results, load, other)] as const);
  const measured = ratios.filter((entry): entry is readonly [LoadId, number] => entry[1] !== null);
  const ceiling = ceilingRatio(results, other);
  const figures = measured.map(([load, value]) => `${LOAD_LABELS[load].replace('sessions ', '')}: ${ratio(value)}`);
  if (ceiling !== null) figures.push(`ceiling (a Next.js route doing nothing): ${ratio(ceiling)}`);
  return {
    target: `ours ≥ ${minimum.toFixed(1)}× ${CONTENDER_LABELS[other]}'s throughput on the sessions page`,
    figure: figures.length ? figures.join(', ') : '—',
    met: measured.length === SESSION_PAGES.length ? measured.every(([, value]) => value >= minimum) : null,
  };
}

/** sendMessage req/s in the benchmark's own quick run of 2026-11-30 that issue #20 starts from (another run: compare loosely). */
export const SEND_MESSAGE_BASELINE_RPS = 338;

const msPerRequest = (result: LoadResult | undefined) => (result && result.requestsPerSecond > 0 ? 1000 / result.requestsPerSecond : null);

function captured(input: ReportInput, label: RequestStatements['label']): RequestStatements | undefined {
  return input.statements.find((entry) => entry.contender === 'ours' && entry.label === label);
}

/** Issue #20's targets: our own work per request, the project page, sendMessage and tail latency. */
export function roundTwoTargets(input: ReportInput): TargetCheck[] {
  const { results } = input;
  const noop = find(results, 'nextNoop', 'ours');
  const pages = (['page1', 'page500'] as const).map((load) => [load, find(results, load, 'ours')] as const);
  const pageRatios = pages.map(([load, result]) => [load, result && noop ? result.requestsPerSecond / noop.requestsPerSecond : null] as const);
  const checks: TargetCheck[] = [
    {
      target: 'sessions page ≥ 0.5× the Next.js no-op route (pages 1 and 500)',
      figure: pageRatios.map(([load, value]) => `${LOAD_LABELS[load].replace('sessions ', '')}: ${value === null ? '—' : ratio(value)}`).join(', '),
      met: pageRatios.every(([, value]) => value !== null) ? pageRatios.every(([, value]) => (value ?? 0) >= 0.5) : null,
    },
  ];
  const render = find(results, 'render', 'ours');
  const simplest = find(results, 'renderNoop', 'ours');
  const renderSql = captured(input, 'project page render');
  checks.push({
    target: `project page render p50 ≤ 25 ms at ${input.settings.connections} connections, ≤ 4 statements`,
    figure:
      (render ? `p50 ${num(render.p50Ms, 1)} ms, p99 ${num(render.p99Ms, 1)} ms, ${num(render.requestsPerSecond)} req/s` : '—') +
      (simplest ? `; the simplest page (sign-in): p50 ${num(simplest.p50Ms, 1)} ms, ${num(simplest.requestsPerSecond)} req/s` : '') +
      (renderSql ? `; ${num(renderSql.statementsPerRequest, 1)} statements in ${num(renderSql.roundTripsPerRequest, 1)} round trips` : ''),
    met: render && renderSql ? render.p50Ms <= 25 && renderSql.statementsPerRequest <= 4 : null,
  });
  const send = find(results, 'sendMessage', 'ours');
  const sendSql = captured(input, 'sendMessage');
  checks.push({
    target: `sendMessage ≥ 2× ${SEND_MESSAGE_BASELINE_RPS} req/s (issue #20's run), ≤ 10 statements, ≤ 6 inside the transaction`,
    figure:
      (send ? `${num(send.requestsPerSecond)} req/s (${ratio(send.requestsPerSecond / SEND_MESSAGE_BASELINE_RPS)})` : '—') +
      (sendSql ? `; ${num(sendSql.statementsPerRequest, 1)} statements, ${num(sendSql.statementsInTransactionPerRequest, 1)} inside the transaction` : ''),
    met:
      send && sendSql
        ? send.requestsPerSecond >= 2 * SEND_MESSAGE_BASELINE_RPS && sendSql.statementsPerRequest <= 10 && sendSql.statementsInTransactionPerRequest <= 6
        : null,
  });
  const api = results.filter((result) => result.contender === 'ours' && ['page1', 'page50', 'page500', 'sendMessage'].includes(result.load));
  checks.push({
    target: 'p99 ≤ 3× p50 on every API load of ours',
    figure: api.map((result) => `${LOAD_LABELS[result.load]}: ${ratio(result.p99Ms / Math.max(result.p50Ms, 1))}`).join(', ') || '—',
    met: api.length ? api.every((result) => result.p99Ms <= 3 * Math.max(result.p50Ms, 1)) : null,
  });
  return checks;
}

/** What one request costs our server, in ms of a saturated run (1 / req/s), beside the Next.js no-op and PostGraphile. */
function costTable(results: readonly LoadResult[]): string[] {
  const noop = msPerRequest(find(results, 'nextNoop', 'ours'));
  const lines = [
    '| Load | ours, ms/request | of which Next.js (no-op route) | our own work | PostGraphile, ms/request |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const load of SESSION_PAGES) {
    const ours = msPerRequest(find(results, load, 'ours'));
    const theirs = msPerRequest(find(results, load, 'postgraphile'));
    const own = ours !== null && noop !== null ? ours - noop : null;
    const cell = (value: number | null) => (value === null ? '—' : num(value, 2));
    lines.push(`| ${LOAD_LABELS[load]} | ${cell(ours)} | ${cell(noop)} | ${cell(own)} | ${cell(theirs)} |`);
  }
  return lines;
}

export function checkTargets(input: ReportInput): TargetCheck[] {
  const { results, memory } = input;
  const checks = [ratioTarget(results, 'postgraphile', 1.0), ratioTarget(results, 'floor', 0.5)];

  const page1 = find(results, 'page1', 'ours');
  const page500 = find(results, 'page500', 'ours');
  checks.push({
    target: 'page 500 within 1.2× of page 1 (ours)',
    figure:
      page1 && page500
        ? `throughput page 1 / page 500: ${ratio(page1.requestsPerSecond / page500.requestsPerSecond)}; p50 ${num(page1.p50Ms, 1)} → ${num(page500.p50Ms, 1)} ms`
        : '—',
    met: page1 && page500 ? page1.requestsPerSecond / page500.requestsPerSecond <= 1.2 && page500.p50Ms <= page1.p50Ms * 1.2 + 1 : null,
  });

  const render = find(results, 'render1', 'ours');
  checks.push({
    target: 'project page render p50 < 100 ms (20 sessions in the drawer, one connection)',
    figure: render ? `p50 ${num(render.p50Ms, 1)} ms, p99 ${num(render.p99Ms, 1)} ms` : '—',
    met: render ? render.p50Ms < 100 : null,
  });

  const growth = memory ? memory.soak.crestMiB / memory.warmup.crestMiB - 1 : null;
  checks.push({
    target: `RSS after the ${num(input.settings.soakSeconds)} s mixed load within 15% of after warm-up (ours; crest of each phase's last third)`,
    figure:
      memory && growth !== null
        ? `${num(memory.warmup.crestMiB)} MiB → ${num(memory.soak.crestMiB)} MiB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%); ` +
          `settled ${num(memory.warmup.settledMiB)} → ${num(memory.soak.settledMiB)} MiB`
        : '—',
    met: growth === null ? null : growth <= 0.15,
  });
  return checks;
}

function resultsTable(results: readonly LoadResult[]): string[] {
  const lines = ['| Load | Contender | req/s | p50 ms | p99 ms | peak RSS MiB | failures |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |'];
  const loads = [...new Set(results.map((result) => result.load))];
  for (const load of loads) {
    for (const result of results.filter((entry) => entry.load === load)) {
      lines.push(
        `| ${LOAD_LABELS[load]} | ${CONTENDER_LABELS[result.contender]} | ${num(result.requestsPerSecond)} | ${num(result.p50Ms, 1)} | ${num(result.p99Ms, 1)} | ${num(result.peakRssMiB)} | ${result.failures} |`,
      );
    }
  }
  return lines;
}

function ratiosTable(results: readonly LoadResult[]): string[] {
  const lines = ['| Load | ours / PostGraphile | ours / floor |', '| --- | ---: | ---: |'];
  for (const load of SESSION_PAGES) {
    const vsPostgraphile = throughputRatio(results, load, 'postgraphile');
    const vsFloor = throughputRatio(results, load, 'floor');
    lines.push(`| ${LOAD_LABELS[load]} | ${vsPostgraphile === null ? '—' : ratio(vsPostgraphile)} | ${vsFloor === null ? '—' : ratio(vsFloor)} |`);
  }
  const [vsPostgraphile, vsFloor] = [ceilingRatio(results, 'postgraphile'), ceilingRatio(results, 'floor')];
  if (vsPostgraphile !== null || vsFloor !== null) {
    lines.push(
      `| ceiling: ${LOAD_LABELS.nextNoop} vs their page 1 | ${vsPostgraphile === null ? '—' : ratio(vsPostgraphile)} | ${vsFloor === null ? '—' : ratio(vsFloor)} |`,
      '',
      'The ceiling is what our server answers when none of our code runs: no request of ours can be cheaper than a Next.js route handler returning a constant.',
    );
  }
  return lines;
}

function streamingSection(streaming: StreamingFigures | null): string[] {
  if (!streaming) return [];
  const ms = (value: number) => `${num(value)} ms`;
  return [
    '## Streaming, on a second device',
    '',
    `A model reply (the production provider code against a local server speaking OpenAI's streaming wire format, answering at once), ` +
      `${num(streaming.instructions)} instructions sent one after another from one device, timed from each send to events on another device's live stream` +
      (streaming.failures ? ` (${streaming.failures} failed and are not counted)` : '') +
      '.',
    '',
    '| Event on the second device | p50 | p99 |',
    '| --- | ---: | ---: |',
    `| first reply chunk (\`reply.delta\`) | ${ms(streaming.firstChunk.p50Ms)} | ${ms(streaming.firstChunk.p99Ms)} |`,
    `| reply finished (\`reply.finished\`) | ${ms(streaming.finished.p50Ms)} | ${ms(streaming.finished.p99Ms)} |`,
    '',
  ];
}

function memorySection(memory: MemoryFigures | null, settings: RunSettings): string[] {
  if (!memory) return [];
  const timeline = (phase: MixedPhase) =>
    thinTimeline(phase.timeline)
      .map((sample) => `${num(sample.seconds)} s ${num(sample.rssMiB)}`)
      .join(', ');
  return [
    '## Memory of our server',
    '',
    `RSS of our app server's process tree: ${num(memory.startMiB)} MiB after its first request. ` +
      `Mixed load (each connection sends every sessions page, the project page and sendMessage in turn): ` +
      `${settings.soakWarmupSeconds} s of warm-up, then the ${settings.soakSeconds} s soak.`,
    '',
    '| Phase | req/s | failures | RSS crest of last third, MiB | RSS settled after, MiB |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...(
      [
        ['warm-up', memory.warmup],
        ['soak', memory.soak],
      ] as const
    ).map(([name, phase]) => `| ${name} | ${num(phase.requestsPerSecond)} | ${phase.failures} | ${num(phase.crestMiB)} | ${num(phase.settledMiB)} |`),
    '',
    `RSS during the soak, MiB: ${timeline(memory.soak)}.`,
    '',
    'Lifetime peak (VmHWM) at the end: ' +
      Object.entries(memory.lifetimePeakMiB)
        .map(([name, value]) => `${CONTENDER_LABELS[name as ContenderName]} ${num(value ?? 0)} MiB`)
        .join(', ') +
      '.',
    '',
  ];
}

const oneLine = (sql: string, max = 140) => {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

function statementsSection(statements: readonly RequestStatements[]): string[] {
  if (statements.length === 0) return [];
  const lines = [
    '## SQL per request',
    '',
    'Captured on the wire (a proxy in front of Postgres) after warm-up. A round trip is one Sync or Flush of the extended protocol, or one simple Query: the server waits for Postgres each time.',
    '',
    '| Contender | Request | statements / request | round trips / request |',
    '| --- | --- | ---: | ---: |',
    ...statements.map(
      (entry) => `| ${CONTENDER_LABELS[entry.contender]} | ${entry.label} | ${num(entry.statementsPerRequest, 1)} | ${num(entry.roundTripsPerRequest, 1)} |`,
    ),
    '',
  ];
  for (const entry of statements.filter((item) => item.contender === 'ours')) {
    lines.push(`Ours, ${entry.label}, one request:`, '');
    entry.statements.forEach((statement, index) => lines.push(`${index + 1}. \`${oneLine(statement.sql).replace(/`/g, "'")}\``));
    lines.push('');
  }
  return lines;
}

function explainSection(explained: readonly ExplainedQuery[]): string[] {
  if (explained.length === 0) return [];
  const lines = ['## Plan of our sessions query (`EXPLAIN (ANALYZE, BUFFERS)`)', ''];
  for (const query of explained) {
    lines.push(
      `**${query.label}**: ${query.usesSessionsIndex ? 'index scan on `sessions_project_created_idx`' : 'no scan of `sessions_project_created_idx`'}, ${query.sorts ? '**a Sort node**' : 'no Sort'}.`,
      '',
      '```sql',
      query.sql,
      `-- params: ${JSON.stringify(query.params)}`,
      '```',
      '',
      '```',
      query.plan,
      '```',
      '',
    );
  }
  return lines;
}

function profileSection(profile: (ProfileSummary & { load: string }) | null): string[] {
  if (!profile) return [];
  const entries = (list: ProfileSummary['functions']) =>
    list.map((entry) => `| ${entry.name.replace(/\|/g, '\\|')} | ${num(entry.selfMs)} | ${(entry.share * 100).toFixed(1)}% |`);
  return [
    `## CPU profile of our server under the ${profile.load} load`,
    '',
    `\`${profile.file}\`, ${num(profile.totalMs)} ms of non-idle samples.`,
    '',
    '| Package | self ms | share |',
    '| --- | ---: | ---: |',
    ...entries(profile.packages),
    '',
    '| Function | self ms | share |',
    '| --- | ---: | ---: |',
    ...entries(profile.functions),
    '',
  ];
}

export function formatProfile(profile: ProfileSummary & { load: string }): string {
  return profileSection(profile).join('\n');
}

export function formatReport(input: ReportInput): string {
  const { machine, settings } = input;
  const lines = [
    '# CoDirector Sessions benchmark',
    '',
    `${input.startedAt.toISOString()}, ${settings.mode} run. Machine: ${machine.cpus} cores (${machine.cpuModel}), ` +
      `${num(machine.memoryGiB, 1)} GiB, Node ${machine.node}, ${machine.postgres}; load average ${machine.loadAverageAtStart.toFixed(2)} at start, ${machine.loadAverageAtEnd.toFixed(2)} at the end.`,
    '',
    `Data: ${num(settings.mainSessions)} sessions in the large project, plus ${num(settings.otherProjects)} projects × ${num(settings.sessionsPerOtherProject)} sessions. ` +
      `Each load: ${settings.connections} connections (the 1-connection render excepted), ${settings.durationSeconds} s per round, ` +
      `${settings.rounds} round(s) alternating the contenders, after a ${settings.warmupSeconds} s warm-up of each. ` +
      "req/s counts only successful answers; req/s, p50 and p99 are each the median over rounds; peak RSS is the highest sum of VmRSS over the server's process tree.",
    '',
    ...resultsTable(input.results),
    '',
    '## Ratios (throughput)',
    '',
    ...ratiosTable(input.results),
    '',
    '## Cost per request',
    '',
    ...costTable(input.results),
    '',
    '## Targets',
    '',
    '| Target | Figure | Verdict |',
    '| --- | --- | --- |',
    ...[...roundTwoTargets(input), ...checkTargets(input)].map((check) => `| ${check.target} | ${check.figure} | ${verdict(check.met)} |`),
    '',
    ...memorySection(input.memory, input.settings),
    ...streamingSection(input.streaming),
    ...statementsSection(input.statements),
    ...(input.notes.length ? ['## Notes', '', ...input.notes.map((note) => `- ${note}`), ''] : []),
    ...explainSection(input.explained),
    ...profileSection(input.profile),
  ];
  return lines.join('\n');
}
