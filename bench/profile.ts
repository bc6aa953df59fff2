import fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`): self time by function and by
 * package, so the hot spots of a load read as a short list. Frames in the Next.js bundles are
 * traced back through their source maps to the package or app file they came from.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  functions: ProfileEntry[];
  packages: ProfileEntry[];
}

function isCpuProfile(value: unknown): value is CpuProfile {
  return typeof value === 'object' && value !== null && 'nodes' in value && 'samples' in value && 'timeDeltas' in value;
}

/** Where a frame's code was written: its original file when a source map says so. */
interface Origin {
  file: string;
  line: number;
}

const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapFor(file: string): SourceMap | null {
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    let map: SourceMap | null = null;
    try {
      if (fs.existsSync(mapFile)) map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file) ?? null;
}

function originOf(frame: CallFrame): Origin {
  if (!frame.url.startsWith('file://')) return { file: frame.url, line: frame.lineNumber + 1 };
  const file = fileURLToPath(frame.url);
  // Only the app's bundles hide where code came from; packages keep their own paths.
  if (file.includes(`${path.sep}node_modules${path.sep}`)) return { file, line: frame.lineNumber + 1 };
  const entry = sourceMapFor(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    return { file: path.resolve(path.dirname(file), decodeURIComponent(entry.originalSource)), line: entry.originalLine + 1 };
  }
  return { file, line: frame.lineNumber + 1 };
}

/** `…/node_modules/@apollo/server/…` → `@apollo/server`; our own files → `app: graphql/` etc. */
function packageOf(origin: Origin): string {
  const { file } = origin;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/dist\/compiled\/[^/]+)?/.exec(file);
  if (match) return match[1] + (match[2] ? match[2].replace('/dist', '') : '');
  if (file.startsWith('node:')) return 'node internals';
  if (!file) return '(native: syscalls, GC)';
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? path.basename(file) : `app: ${relative.split(path.sep)[0]}/`;
}

function frameLabel(frame: CallFrame, origin: Origin): string {
  if (!origin.file) return frame.functionName || '(anonymous)';
  const relative = origin.file.startsWith('/') ? path.relative(process.cwd(), origin.file).replace(/^node_modules\//, '') : origin.file;
  return `${frame.functionName || '(anonymous)'} ${relative}:${origin.line}`;
}

function top(map: Map<string, number>, totalMs: number, count: number): ProfileEntry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, selfMs]) => ({ name, selfMs, share: selfMs / totalMs }));
}

function readProfile(file: string): CpuProfile {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isCpuProfile(parsed)) throw new Error(`${file} is not a V8 CPU profile.`);
  return parsed;
}

/** Each sample the process was busy in: the function on top of the stack, and the time it stands for. */
function* busySamples(profile: CpuProfile, byId: ReadonlyMap<number, ProfileNode>): Generator<{ node: ProfileNode; ms: number }> {
  for (const [index, nodeId] of profile.samples.entries()) {
    const node = byId.get(nodeId);
    if (node && node.callFrame.functionName !== '(idle)') yield { node, ms: (profile.timeDeltas[index] ?? 0) / 1000 };
  }
}

export function summariseProfile(file: string, count = 15): ProfileSummary {
  const parsed = readProfile(file);
  const byId = new Map(parsed.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let totalMs = 0;
  for (const { node, ms } of busySamples(parsed, byId)) {
    totalMs += ms;
    const origin = originOf(node.callFrame);
    const label = frameLabel(node.callFrame, origin);
    functions.set(label, (functions.get(label) ?? 0) + ms);
    const pkg = packageOf(origin);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  return { file, totalMs, functions: top(functions, totalMs, count), packages: top(packages, totalMs, count) };
}

/**
 * Inclusive time: for each function, the samples during which it was anywhere on the stack
 * (counted once per sample however deep it recurses). It answers "how much of a request is
 * Apollo's execution, our context, the cursor signing" where self time is spread thin.
 */
export function inclusiveProfile(file: string, count = 40): ProfileSummary {
  const parsed = readProfile(file);
  const byId = new Map(parsed.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of parsed.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const labelOf = new Map<number, string>();
  const label = (node: ProfileNode) => {
    let known = labelOf.get(node.id);
    if (known === undefined) {
      known = frameLabel(node.callFrame, originOf(node.callFrame));
      labelOf.set(node.id, known);
    }
    return known;
  };
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const { node, ms } of busySamples(parsed, byId)) {
    totalMs += ms;
    const onStack = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id);
      if (frame) onStack.add(label(frame));
    }
    for (const name of onStack) functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  return { file, totalMs, functions: top(functions, totalMs, count), packages: [] };
}

/** The newest profile in a folder, or null. */
export function latestProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}
