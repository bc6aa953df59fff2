import type { Contender, ContenderName } from './contenders';
import type { LoadTarget } from './loads';
import type { Ours } from './ours';
import { assertSamePages, walkToPages, type WalkedPage } from './walk';

/** What each load sends to whom: built once the cursors of pages 50 and 500 are known. */

export const DEEP_PAGES = [1, 50, 500] as const;

export interface Walks {
  byContender: Map<ContenderName, Map<number, WalkedPage>>;
}

export async function walkAll(contenders: readonly Contender[]): Promise<Walks> {
  const byContender = new Map<ContenderName, Map<number, WalkedPage>>();
  for (const contender of contenders) {
    const started = Date.now();
    byContender.set(contender.name, await walkToPages(contender, DEEP_PAGES));
    console.log(`  ${contender.name}: walked ${Math.max(...DEEP_PAGES)} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  assertSamePages(byContender);
  console.log('  every contender lists the same sessions on pages 1, 50 and 500');
  return { byContender };
}

export function sessionPageTargets(contenders: readonly Contender[], walks: Walks, connections: number): LoadTarget[] {
  const targets: LoadTarget[] = [];
  for (const [load, page] of [
    ['page1', 1],
    ['page50', 50],
    ['page500', 500],
  ] as const) {
    for (const contender of contenders) {
      const after = walks.byContender.get(contender.name)?.get(page)?.after ?? null;
      targets.push({
        load,
        contender: contender.name,
        baseUrl: contender.baseUrl,
        pid: contender.process.pid,
        source: { kind: 'fixed', request: contender.sessionsRequest(after) },
        connections,
      });
    }
  }
  return targets;
}

export function oursOnlyTargets(ours: Ours, connections: number): LoadTarget[] {
  const base = { contender: 'ours' as const, baseUrl: ours.contender.baseUrl, pid: ours.process.pid };
  // What a request to our Next.js server costs before any of our code runs: the ceiling of ours.
  const targets: LoadTarget[] = [
    { ...base, load: 'nextNoop', source: { kind: 'fixed', request: { method: 'GET', path: '/api/health', headers: {} } }, connections },
  ];
  if (ours.projectPageRequest) {
    const source = { kind: 'fixed' as const, request: ours.projectPageRequest };
    // The sign-in page renders no data of ours: what a page render costs in Next.js itself, the ceiling of the project page.
    const simplest = { kind: 'fixed' as const, request: { method: 'GET' as const, path: '/signin', headers: {} } };
    targets.push(
      { ...base, load: 'renderNoop', source: simplest, connections },
      { ...base, load: 'render1', source, connections: 1 },
      { ...base, load: 'render', source, connections },
    );
  }
  targets.push({ ...base, load: 'sendMessage', source: { kind: 'generated', next: () => ours.nextSendMessage() }, connections });
  return targets;
}

/** Every page load, the page render and sendMessage, one after another on each connection. */
export function mixedTarget(ours: Ours, walks: Walks, connections: number): LoadTarget {
  const pages = walks.byContender.get('ours');
  const requests = DEEP_PAGES.map((page) => ({ kind: 'fixed' as const, request: ours.contender.sessionsRequest(pages?.get(page)?.after ?? null) }));
  return {
    load: 'mixed',
    contender: 'ours',
    baseUrl: ours.contender.baseUrl,
    pid: ours.process.pid,
    connections,
    source: {
      kind: 'cycle',
      requests: [
        ...requests,
        ...(ours.projectPageRequest ? [{ kind: 'fixed' as const, request: ours.projectPageRequest }] : []),
        { kind: 'generated', next: () => ours.nextSendMessage() },
      ],
    },
  };
}
