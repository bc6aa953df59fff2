import { createHash } from 'node:crypto';
import { config } from '@/lib/config';
import { PERSISTED_QUERY_HASH } from '@/server/persistedQueries';
import manifest from './__generated__/client/persisted-documents.json';

/**
 * Trusted documents: the operations in graphql/documents, persisted by codegen as
 * `sha256:<hex>` → text (graphql/__generated__/client/persisted-documents.json). A request may
 * name one by its hash in Apollo's persisted-query extension
 * (`extensions.persistedQuery: { version: 1, sha256Hash }`) instead of sending the text. With
 * GRAPHQL_TRUSTED_DOCUMENTS=only, a request authenticated by the web app's cookie runs only
 * these documents; bearer-token clients may send any document (within graphql/limits.ts).
 *
 * Other ids are automatic persisted queries (server/persistedQueries.ts): a client's id unknown
 * here is looked up in the store shared by every instance, and a signed-in client that sends its
 * text registers it, once the text has passed every guard (graphql/server.ts). A registered
 * document is never a trusted one.
 */

export type TrustedDocumentsMode = 'off' | 'only';

export const TRUSTED_DOCUMENT_REQUIRED = 'TRUSTED_DOCUMENT_REQUIRED';
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

/** GRAPHQL_TRUSTED_DOCUMENTS: `off` (default) or `only`; anything else is a ConfigError (lib/config.ts). */
export function trustedDocumentsMode(env: Readonly<Record<string, string | undefined>> = process.env): TrustedDocumentsMode {
  return config(env).GRAPHQL_TRUSTED_DOCUMENTS;
}

/** Hex sha256 → document text. */
const documents = new Map(Object.entries(manifest as Record<string, string>).map(([id, text]) => [id.replace(/^sha256:/, ''), text]));

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The text of a trusted document, by its hex sha256 (with or without the `sha256:` prefix). */
export function trustedDocument(hash: string): string | undefined {
  return documents.get(hash.replace(/^sha256:/, '').toLowerCase());
}

export function isTrustedDocument(text: string): boolean {
  return documents.has(sha256(text));
}

/** How an HTTP request asks for its operation: the parsed POST body, or GET's query string. */
export interface OperationRequest {
  method: string;
  body: unknown;
  search: string;
}

/** A request refused before Apollo sees it, in the API's error envelope. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The document to register once it has passed every guard: an APQ client's text for an id this server did not know. */
export interface Registrable {
  hash: string;
  text: string;
}

/** Looks an id up in the automatic-persisted-queries store (server/persistedQueries.ts). */
export type PersistedQueryLookup = (hash: string) => Promise<string | undefined>;

/**
 * Resolves a persisted id (`extensions.persistedQuery`, in the body or GET's `extensions`
 * parameter) to its document before Apollo reads the request (Apollo's own persisted queries are
 * off: the ids are resolved here, under one policy), and, under `only`, refuses a
 * cookie-authenticated request whose document is not a trusted one. Anything else (a batch, a
 * body that is no object) is left for Apollo to refuse. Only the app's own documents are known
 * here: the stream route resolves ids so; /api/graphql also asks the store (applyPersistedQueries).
 */
export function applyTrustedDocuments(request: OperationRequest, via: 'session' | 'token' | null, mode: TrustedDocumentsMode): OperationRequest | Refusal {
  const fields = operationFields(request);
  if (!fields) return request;
  const document = persistedDocument(fields);
  if (document && 'code' in document) return document;
  if (document && 'missing' in document) return persistedQueryNotFound();
  return withPolicy(request, fields, document, via, mode);
}

/**
 * applyTrustedDocuments with automatic persisted queries: an id that is not one of the app's
 * own is looked up in the store, and an id sent with its text names the document to register
 * once it passes the guards (`register`). Registered documents are not trusted ones: under
 * `only`, a cookie caller still runs only the app's own.
 */
export async function applyPersistedQueries(
  request: OperationRequest,
  via: 'session' | 'token' | null,
  mode: TrustedDocumentsMode,
  lookup: PersistedQueryLookup,
): Promise<{ request: OperationRequest; register?: Registrable } | Refusal> {
  const fields = operationFields(request);
  if (!fields) return { request };
  let document = persistedDocument(fields);
  if (document && 'code' in document) return document;
  if (document && 'missing' in document) {
    const text = await lookup(document.missing);
    if (text === undefined) return persistedQueryNotFound();
    document = { hash: document.missing, text, sent: false };
  }
  const resolved = withPolicy(request, fields, document, via, mode);
  if ('code' in resolved) return resolved;
  // The app's own documents are known without the store.
  if (!document?.sent || trustedDocument(document.hash) !== undefined) return { request: resolved };
  return { request: resolved, register: { hash: document.hash, text: document.text } };
}

/** The request with its persisted id replaced by the document, under the trusted-documents policy. */
function withPolicy(
  request: OperationRequest,
  fields: { query: unknown; extensions: unknown },
  document: PersistedDocument | null,
  via: 'session' | 'token' | null,
  mode: TrustedDocumentsMode,
): OperationRequest | Refusal {
  let { query } = fields;
  let resolved = request;
  if (document && isObject(fields.extensions)) {
    const { persistedQuery: _resolved, ...otherExtensions } = fields.extensions;
    query = document.text;
    resolved = withFields(request, { query: document.text, extensions: otherExtensions });
  }
  if (mode === 'only' && via === 'session' && !(typeof query === 'string' && isTrustedDocument(query))) {
    return {
      status: 403,
      code: TRUSTED_DOCUMENT_REQUIRED,
      message:
        'Signed-in browsers may run only the app’s own operations here (GRAPHQL_TRUSTED_DOCUMENTS=only): send a persisted id (`extensions.persistedQuery`). To run any document, authenticate with `Authorization: Bearer <personal access token>`.',
    };
  }
  return resolved;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `query` and `extensions` as the client sent them; null when the request has no such shape (Apollo answers it). */
function operationFields(request: OperationRequest): { query: unknown; extensions: unknown } | null {
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    const extensions = params.get('extensions');
    let parsed: unknown = undefined;
    if (extensions !== null) {
      try {
        parsed = JSON.parse(extensions);
      } catch {
        return null;
      }
    }
    return { query: params.get('query') ?? undefined, extensions: parsed };
  }
  return isObject(request.body) ? { query: request.body.query, extensions: request.body.extensions } : null;
}

function withFields(request: OperationRequest, fields: { query: string; extensions: Record<string, unknown> }): OperationRequest {
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    params.set('query', fields.query);
    if (Object.keys(fields.extensions).length > 0) params.set('extensions', JSON.stringify(fields.extensions));
    else params.delete('extensions');
    return { ...request, search: `?${params}` };
  }
  return { ...request, body: { ...(request.body as object), ...fields } };
}

/** A persisted id's document: the text sent with it (`sent`), or the one the id names. */
interface PersistedDocument {
  hash: string;
  text: string;
  sent: boolean;
}

/**
 * The document a persisted-query extension names; null when the request has none. An id sent
 * with its text (an automatic-persisted-queries client falling back) is that text once its hash
 * is checked; an id alone is one of the app's documents, or `missing` for the store to answer.
 */
function persistedDocument(fields: { query: unknown; extensions: unknown }): PersistedDocument | { missing: string } | Refusal | null {
  const { query: sentText, extensions } = fields;
  if (!isObject(extensions) || !('persistedQuery' in extensions)) return null;
  const persisted = extensions.persistedQuery;
  const shape = '`extensions.persistedQuery` must be `{ "version": 1, "sha256Hash": "<hex sha256 of the document>" }`.';
  if (!isObject(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') return badRequest(shape);
  const hash = persisted.sha256Hash.replace(/^sha256:/, '').toLowerCase();
  if (!PERSISTED_QUERY_HASH.test(hash)) return badRequest(shape);
  if (sentText !== undefined && sentText !== null) {
    if (typeof sentText !== 'string' || sha256(sentText) !== hash) return badRequest('`extensions.persistedQuery.sha256Hash` is not the sha256 of `query`.');
    return { hash, text: sentText, sent: true };
  }
  const known = trustedDocument(hash);
  return known === undefined ? { missing: hash } : { hash, text: known, sent: false };
}

/**
 * Apollo's answer to an id it does not know, word for word: APQ clients retry with the text when
 * they see it (urql matches the message, Apollo Client the code). HTTP 400 like every request
 * refused before it runs; Apollo Client 4 reads the errors of a 400 as of a 200.
 */
function persistedQueryNotFound(): Refusal {
  return { status: 400, code: PERSISTED_QUERY_NOT_FOUND, message: 'PersistedQueryNotFound' };
}

function badRequest(message: string): Refusal {
  return { status: 400, code: 'BAD_REQUEST', message };
}
