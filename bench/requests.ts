/** One HTTP request of a load, in the shape autocannon takes. */
export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function graphqlRequest(path: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): HttpRequestSpec {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  };
}

export interface HttpResult {
  status: number;
  text: string;
}

export async function send(baseUrl: string, spec: HttpRequestSpec): Promise<HttpResult> {
  const response = await fetch(new URL(spec.path, baseUrl), {
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

/** The value at a dotted path of parsed JSON, or undefined. */
export function pathValue(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sends a GraphQL request and returns `data.<path>`, failing on HTTP or GraphQL errors. */
export async function graphqlValue(baseUrl: string, spec: HttpRequestSpec, path: readonly string[]): Promise<unknown> {
  const result = await send(baseUrl, spec);
  const parsed = ((): unknown => {
    try {
      return JSON.parse(result.text);
    } catch {
      return undefined;
    }
  })();
  const errors = pathValue(parsed, ['errors']);
  if (result.status !== 200 || errors !== undefined) {
    throw new Error(`${spec.method} ${spec.path} answered ${result.status}: ${result.text.slice(0, 500)}`);
  }
  return pathValue(parsed, ['data', ...path]);
}
