import type { Contender, ContenderName, ServerSettings } from './contenders';
import { send, type HttpRequestSpec } from './requests';
import { SqlCapture, throughProxy, type CapturedStatement } from './sql-capture';

/**
 * After the timed loads: each contender runs once more with its database connections through
 * the capture proxy and answers each captured request a few times, so the report can say how
 * many statements and round trips one request costs and show the exact SQL.
 */

export type CapturedRequestLabel = 'sessions page 1' | 'sessions page 500' | 'project page render' | 'sendMessage';

/** The same request each time, or a new one each time (a sendMessage needs a fresh clientMessageId). */
export type CapturedRequest = HttpRequestSpec | (() => HttpRequestSpec);

export interface RequestStatements {
  contender: ContenderName;
  label: CapturedRequestLabel;
  statementsPerRequest: number;
  /** Of those, the statements between a BEGIN and its COMMIT or ROLLBACK (both excluded). */
  statementsInTransactionPerRequest: number;
  roundTripsPerRequest: number;
  /** The statements of one request, in order. */
  statements: CapturedStatement[];
}

export interface CapturedServer {
  contender: Contender;
  /** Requests beyond the sessions pages, e.g. our project page. */
  extra: { label: CapturedRequestLabel; request: CapturedRequest }[];
}

export interface CaptureTarget {
  name: ContenderName;
  /** Starts a fresh instance of the contender on the given settings. */
  start(settings: ServerSettings): Promise<CapturedServer>;
  /** The `after` cursor of each captured page (null for page 1). */
  afterFor(page: 1 | 500): string | null;
}

const WARM_REQUESTS = 3;
const COUNTED_REQUESTS = 10;

async function sendSequentially(contender: Contender, request: CapturedRequest, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const result = await send(contender.baseUrl, typeof request === 'function' ? request() : request);
    if (result.status !== 200) throw new Error(`${contender.name} answered ${result.status} during the SQL capture: ${result.text.slice(0, 300)}`);
  }
}

async function captureRequest(capture: SqlCapture, contender: Contender, label: CapturedRequestLabel, request: CapturedRequest): Promise<RequestStatements> {
  // Warm: prepared statements, caches and lazily loaded modules are in place.
  await sendSequentially(contender, request, WARM_REQUESTS);
  const first = await capture.during(() => sendSequentially(contender, request, 1));
  const counted = await capture.during(() => sendSequentially(contender, request, COUNTED_REQUESTS));
  return {
    contender: contender.name,
    label,
    statementsPerRequest: counted.statements.length / COUNTED_REQUESTS,
    statementsInTransactionPerRequest: statementsInTransactions(counted.statements) / COUNTED_REQUESTS,
    roundTripsPerRequest: counted.roundTrips / COUNTED_REQUESTS,
    statements: first.statements,
  };
}

export function statementsInTransactions(statements: readonly CapturedStatement[]): number {
  let inside = false;
  let count = 0;
  for (const { sql } of statements) {
    const word = sql.trim().split(/\s+/)[0]?.toLowerCase();
    if (word === 'begin') inside = true;
    else if (word === 'commit' || word === 'rollback') inside = false;
    else if (inside) count += 1;
  }
  return count;
}

export async function captureStatements(settings: ServerSettings, targets: readonly CaptureTarget[]): Promise<RequestStatements[]> {
  const url = new URL(settings.databaseUrl);
  const capture = new SqlCapture(url.hostname, Number(url.port || 5432));
  const port = await capture.listen();
  const proxied: ServerSettings = { ...settings, databaseUrl: throughProxy(settings.databaseUrl, port), logSuffix: '-capture' };
  const captured: RequestStatements[] = [];
  try {
    for (const target of targets) {
      const { contender, extra } = await target.start(proxied);
      try {
        const requests = [
          { label: 'sessions page 1' as const, request: contender.sessionsRequest(target.afterFor(1)) },
          { label: 'sessions page 500' as const, request: contender.sessionsRequest(target.afterFor(500)) },
          ...extra,
        ];
        for (const { label, request } of requests) captured.push(await captureRequest(capture, contender, label, request));
      } finally {
        await contender.process.stop();
      }
    }
  } finally {
    await capture.close();
  }
  return captured;
}
