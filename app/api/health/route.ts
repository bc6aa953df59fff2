export const dynamic = 'force-dynamic';

/**
 * Liveness: the process answers HTTP. It touches nothing else, so a load balancer's probe costs
 * next to nothing (and the benchmark uses it as the cost of a Next.js request alone).
 */
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
