import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { encode } from 'next-auth/jwt';
import * as graphqlRoute from '@/app/api/graphql/route';
import * as streamRoute from '@/app/api/graphql/stream/route';
import * as healthRoute from '@/app/api/health/route';
import type { NewAccessToken } from '@/db/accessTokens';
import { makeAccessToken } from '@/testing/factories';
import { startedForAllTests } from '@/testing/lifecycle';
import type { User } from '@/db/schema';
import { getAuthSecret } from '@/lib/auth/secret';
import { config } from '@/lib/config';
import { answerWithCors, optionsResponse } from '@/lib/http/cors';
import { persistedRequest } from '../../persistedRequest';
import { createGraphQLHandler } from '../../server';
import { createStreamHandler } from '../../stream';

/**
 * The tests talk to the real route handler over real HTTP: a node:http server turns each
 * request into a web Request for the exported GET/POST, as Next.js does.
 */
export interface ApiServer {
  url: string;
  /** The graphql-sse endpoint (subscriptions). */
  streamUrl: string;
  close(): Promise<void>;
}

/**
 * `env` runs both GraphQL routes with these settings over the process's (e.g. GRAPHQL_TRUSTED_DOCUMENTS)
 * instead of the routes' own servers, wrapped in CORS as the route modules wrap theirs.
 */
export async function startApiServer(options: { env?: Record<string, string> } = {}): Promise<ApiServer> {
  const env = options.env && { ...process.env, ...options.env };
  const endpoint: Route = env ? routeOf(createGraphQLHandler(env), config(env).CORS_ORIGINS) : graphqlRoute;
  const stream: Route = env ? routeOf(createStreamHandler(env), config(env).CORS_ORIGINS) : streamRoute;
  const server = http.createServer((incoming, outgoing) => {
    forward(incoming, outgoing, endpoint, stream).catch((error: unknown) => {
      outgoing.writeHead(500).end(String(error));
    });
  });
  // Only the client (fetch) closes idle connections: with Node's 5 s server-side timeout, a request
  // sent on a connection the server is closing that moment fails, which a busy machine makes likely.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/graphql`,
    streamUrl: `http://127.0.0.1:${port}/api/graphql/stream`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * An API server (as startApiServer) for the tests of the calling file or describe: started before
 * them, closed after them. Call it after setUpTestDatabase(), so that its hooks run inside the database's.
 */
export function setUpApiServer(options: { env?: Record<string, string> } = {}): () => ApiServer {
  return startedForAllTests(() => startApiServer(options));
}

/** A route module's handlers, which are called detached (as Next.js calls them). */
interface Route {
  GET: (request: Request) => Promise<Response>;
  POST: (request: Request) => Promise<Response>;
  OPTIONS?: (request: Request) => Response;
}

function routeOf(handler: (request: Request) => Promise<Response>, corsOrigins: readonly string[]): Route {
  return {
    GET: (request) => answerWithCors(request, handler, corsOrigins),
    POST: (request) => answerWithCors(request, handler, corsOrigins),
    OPTIONS: (request) => optionsResponse(request, corsOrigins),
  };
}

/** `/api/health` too: whether the server answers at all (the interpreter's bounds are proven against it). */
const liveness: Route = { GET: () => Promise.resolve(healthRoute.GET()), POST: () => Promise.resolve(healthRoute.GET()) };

async function forward(incoming: http.IncomingMessage, outgoing: http.ServerResponse, endpoint: Route, stream: Route): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  // As in Next.js: the request's signal aborts when the client goes away (live streams end).
  const gone = new AbortController();
  outgoing.on('close', () => gone.abort());
  const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
    signal: gone.signal,
  });
  const route: Route = incoming.url?.startsWith('/api/graphql/stream') ? stream : incoming.url === '/api/health' ? liveness : endpoint;
  const handler = method === 'GET' ? route.GET : method === 'POST' ? route.POST : method === 'OPTIONS' ? route.OPTIONS : undefined;
  if (!handler) {
    outgoing.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  const response = await handler(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = response.body?.getReader();
  try {
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) outgoing.write(part.value);
  } catch {
    // The client went away mid-stream.
  }
  outgoing.end();
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResult<Data> {
  status: number;
  data?: Data | null;
  errors?: GraphQLErrorBody[];
}

/** The JSON body of an answer in the API's envelope (`data`/`errors`), for a request made with plain fetch rather than ApiClient. */
export async function envelopeOf(response: Response): Promise<Omit<GraphQLResult<unknown>, 'status'>> {
  return (await response.json()) as Omit<GraphQLResult<unknown>, 'status'>;
}

/** How a test client proves who it is. */
export type Credentials = { cookie: string } | { token: string } | { authorization: string } | null;

export class ApiClient {
  constructor(
    readonly url: string,
    readonly credentials: Credentials = null,
  ) {}

  as(credentials: Credentials): ApiClient {
    return new ApiClient(this.url, credentials);
  }

  /** POSTs a typed document from graphql/documents (or a query string) with its variables. */
  async request<Data, Variables>(
    document: TypedDocumentNode<Data, Variables> | string,
    variables?: Variables,
    extraHeaders: Record<string, string> = {},
  ): Promise<GraphQLResult<Data>> {
    const query = typeof document === 'string' ? document : print(document);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authHeaders(), ...extraHeaders },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<Data>, 'status'>) };
  }

  /** POSTs one of graphql/documents by its persisted id, as the web app does, without its text. */
  async persisted<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): Promise<GraphQLResult<Data>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.authHeaders() },
      body: JSON.stringify(persistedRequest(document, variables)),
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<Data>, 'status'>) };
  }

  /** Like `request`, for tests that expect data: fails with the errors when there are any. */
  async data<Data, Variables>(document: TypedDocumentNode<Data, Variables> | string, variables?: Variables): Promise<Data> {
    const result = await this.request(document, variables);
    if (result.errors?.length || !result.data) throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  authHeaders(): Record<string, string> {
    if (!this.credentials) return {};
    if ('cookie' in this.credentials) return { cookie: this.credentials.cookie };
    if ('token' in this.credentials) return { authorization: `Bearer ${this.credentials.token}` };
    return { authorization: this.credentials.authorization };
  }
}

/** The cookie next-auth sets after sign-in: an encrypted JWT whose `sub` is the user id, with the user's auth session version. */
export async function sessionCookie(user: User): Promise<{ cookie: string }> {
  const token = { sub: user.id, name: user.name, email: user.email, authSessionVersion: user.authSessionVersion };
  const jwt = await encode({ token, secret: getAuthSecret() });
  return { cookie: `next-auth.session-token=${jwt}` };
}

export async function tokenFor(user: User, name = 'Test client', grant: Partial<NewAccessToken> = {}): Promise<{ token: string }> {
  const { token } = await makeAccessToken(user.id, { name, ...grant });
  return { token };
}

/** The error codes of a response, in order. */
export function codes(result: GraphQLResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
