import type { Contender, SessionSummary } from './contenders';

/**
 * Walks a contender's own API page by page from the start, as a client pressing Show More
 * would, and keeps the cursor that opens each wanted page.
 */

export interface WalkedPage {
  page: number;
  /** The `after` cursor that opens this page; null for page 1. */
  after: string | null;
  sessions: SessionSummary[];
}

export async function walkToPages(contender: Contender, wanted: readonly number[]): Promise<Map<number, WalkedPage>> {
  const last = Math.max(...wanted);
  const found = new Map<number, WalkedPage>();
  let after: string | null = null;
  for (let page = 1; page <= last; page += 1) {
    const result = await contender.fetchSessionsPage(after);
    if (wanted.includes(page)) found.set(page, { page, after, sessions: result.sessions });
    if (page < last && (!result.hasNextPage || result.endCursor === null)) {
      throw new Error(`${contender.name}: the sessions list ended at page ${page}, before page ${last}.`);
    }
    after = result.endCursor;
  }
  return found;
}

const describe = (session: SessionSummary | undefined) => (session ? `"${session.title}" at ${new Date(session.createdAt).toISOString()}` : 'nothing');

/** Throws unless every contender lists the same sessions, in the same order, on each page. */
export function assertSamePages(walks: ReadonlyMap<string, Map<number, WalkedPage>>): void {
  const [[referenceName, reference], ...others] = [...walks];
  for (const [name, pages] of others) {
    for (const [page, expected] of reference) {
      const actual = pages.get(page)?.sessions ?? [];
      const length = Math.max(actual.length, expected.sessions.length);
      for (let index = 0; index < length; index += 1) {
        const a = expected.sessions[index];
        const b = actual[index];
        if (a?.title !== b?.title || a?.createdAt !== b?.createdAt) {
          throw new Error(`Page ${page}, row ${index + 1}: ${referenceName} lists ${describe(a)} but ${name} lists ${describe(b)}.`);
        }
      }
    }
  }
}
