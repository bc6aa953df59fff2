import fs from 'node:fs';

/** Resident memory of a server and everything it spawned, read from /proc (Linux). */

export interface TreeMemory {
  /** Sum of VmRSS over the process tree, in MiB. */
  rssMiB: number;
  /** Sum of VmHWM (each process's own peak) over the tree, in MiB. */
  peakMiB: number;
  processes: number;
}

const MAX_TREE_SIZE = 256;

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const tasks = (() => {
    try {
      return fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  const children: number[] = [];
  for (const task of tasks) {
    const listed = readFile(`/proc/${pid}/task/${task}/children`);
    if (!listed) continue;
    for (const child of listed.trim().split(/\s+/)) if (child) children.push(Number(child));
  }
  return children;
}

export function processTree(rootPid: number): number[] {
  const seen: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0 && seen.length < MAX_TREE_SIZE) {
    const pid = queue.shift()!;
    if (seen.includes(pid)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen;
}

function statusKiB(status: string, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

export function treeMemory(rootPid: number): TreeMemory {
  let rssKiB = 0;
  let peakKiB = 0;
  let processes = 0;
  for (const pid of processTree(rootPid)) {
    const status = readFile(`/proc/${pid}/status`);
    if (!status) continue;
    processes += 1;
    rssKiB += statusKiB(status, 'VmRSS');
    peakKiB += statusKiB(status, 'VmHWM');
  }
  return { rssMiB: rssKiB / 1024, peakMiB: peakKiB / 1024, processes };
}

/** Samples the tree's RSS while a load runs and keeps the highest sum seen. */
export class RssSampler {
  private peakMiB = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rootPid: number,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    this.peakMiB = Math.max(this.peakMiB, treeMemory(this.rootPid).rssMiB);
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakMiB;
  }
}

/** RSS once the server has settled: the median of a few samples a moment after a load ends. */
export async function settledRssMiB(rootPid: number, samples = 5, intervalMs = 400): Promise<number> {
  const values: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    values.push(treeMemory(rootPid).rssMiB);
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}
