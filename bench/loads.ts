import autocannon from 'autocannon';
import type { ContenderName } from './contenders';
import type { HttpRequestSpec } from './requests';
import { RssSampler } from './rss';

/**
 * One load: a fixed number of connections sending requests back to back for a fixed time
 * (autocannon), while the server's memory is sampled.
 */

export type LoadId = 'nextNoop' | 'page1' | 'page50' | 'page500' | 'renderNoop' | 'render1' | 'render' | 'sendMessage' | 'mixed';

export const LOAD_LABELS: Record<LoadId, string> = {
  nextNoop: 'Next.js route doing nothing (GET /api/health)',
  page1: 'sessions page 1',
  page50: 'sessions page 50',
  page500: 'sessions page 500',
  renderNoop: 'simplest page render (GET /signin)',
  render1: 'project page render, 1 connection',
  render: 'project page render',
  sendMessage: 'sendMessage',
  mixed: 'mixed (soak)',
};

export type RequestSource =
  /** The same request over and over. */
  | { kind: 'fixed'; request: HttpRequestSpec }
  /** A fresh request each time (unique ids, rotating sessions). */
  | { kind: 'generated'; next(): HttpRequestSpec }
  /** Each connection cycles through these in order. */
  | { kind: 'cycle'; requests: readonly RequestSource[] };

export interface LoadTarget {
  load: LoadId;
  contender: ContenderName;
  baseUrl: string;
  pid: number;
  source: RequestSource;
  connections: number;
}

export interface LoadResult {
  load: LoadId;
  contender: ContenderName;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  /** Answers with status 200 and no GraphQL errors. */
  succeeded: number;
  /** Non-200 answers, GraphQL errors, connection errors and timeouts. */
  failures: number;
  seconds: number;
}

type AutocannonRequest = autocannon.Request;

type ResponseCheck = (status: number, body: string) => void;

function asAutocannon(spec: HttpRequestSpec): AutocannonRequest {
  return { method: spec.method, path: spec.path, headers: spec.headers, body: spec.body };
}

function toAutocannonRequests(source: RequestSource, onResponse: ResponseCheck): AutocannonRequest[] {
  switch (source.kind) {
    case 'fixed':
      return [{ ...asAutocannon(source.request), onResponse }];
    case 'generated':
      return [{ setupRequest: (request) => ({ ...request, ...asAutocannon(source.next()) }), onResponse }];
    case 'cycle':
      return source.requests.flatMap((inner) => toAutocannonRequests(inner, onResponse));
  }
}

/** GraphQL answers errors with status 200; a page render that redirects to sign-in is a failure too. */
function isFailure(status: number, body: string): boolean {
  return status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[');
}

export async function runLoad(target: LoadTarget, seconds: number): Promise<LoadResult> {
  let failedAnswers = 0;
  const sampler = new RssSampler(target.pid);
  const result = await autocannon({
    url: target.baseUrl,
    connections: target.connections,
    duration: seconds,
    requests: toAutocannonRequests(target.source, (status, body) => {
      if (isFailure(status, body)) failedAnswers += 1;
    }),
    timeout: 30,
  });
  const peakRssMiB = sampler.stop();
  const succeeded = Math.max(0, result['2xx'] + result.non2xx - failedAnswers);
  return {
    load: target.load,
    contender: target.contender,
    requestsPerSecond: succeeded / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    peakRssMiB,
    succeeded,
    failures: failedAnswers + result.errors,
    seconds: result.duration,
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Several rounds of the same load and contender, folded into one row: the median round for
 * throughput and latency (one round disturbed by the machine's other work moves it least),
 * the highest RSS, all failures.
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  return {
    load: rounds[0].load,
    contender: rounds[0].contender,
    requestsPerSecond: median(rounds.map((result) => result.requestsPerSecond)),
    p50Ms: median(rounds.map((result) => result.p50Ms)),
    p99Ms: median(rounds.map((result) => result.p99Ms)),
    peakRssMiB: Math.max(...rounds.map((result) => result.peakRssMiB)),
    succeeded: rounds.reduce((sum, result) => sum + result.succeeded, 0),
    failures: rounds.reduce((sum, result) => sum + result.failures, 0),
    seconds: rounds.reduce((sum, result) => sum + result.seconds, 0),
  };
}
