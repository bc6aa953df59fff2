import { createHash } from 'node:crypto';
import { config } from '@/lib/config';
import manifest from './__generated__/client/persisted-documents.json';

/**
 * Trusted documents: the operations in graphql/documents, persisted by codegen as
 * `sha256:<hex>` → text (graphql/__generated__/client/persisted-documents.json). A request may
 * name one by its hash in Apollo's persisted-query extension
 * (`extensions.persistedQuery: { version: 1, sha256Hash }`) instead of sending the text. With
 * GRAPHQL_TRUSTED_DOCUMENTS=only, a request authenticated by the web app's cookie runs only
 * these documents; bearer-token clients may send any document (within graphql/limits.ts).
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

/**
 * Resolves a persisted id (`extensions.persistedQuery`, in the body or GET's `extensions`
 * parameter) to its document before Apollo reads the request (Apollo's own automatic persisted
 * queries are off: nobody can add documents at run time), and, under `only`, refuses a
 * cookie-authenticated request whose document is not a trusted one. Anything else (a batch,
 * a body that is no object) is left for Apollo to refuse.
 */
export function applyTrustedDocuments(request: OperationRequest, via: 'session' | 'token' | null, mode: TrustedDocumentsMode): OperationRequest | Refusal {
  const fields = operationFields(request);
  if (!fields) return request;
  let { query } = fields;
  const { extensions } = fields;
  let resolved = request;
  if (isObject(extensions) && 'persistedQuery' in extensions) {
    const document = documentFor(extensions.persistedQuery, query);
    if ('code' in document) return document;
    const { persistedQuery: _resolved, ...otherExtensions } = extensions;
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

/**
 * The document a persisted-query extension names. An unknown id with the text alongside (an
 * automatic-persisted-queries client falling back) runs that text as any request would; an
 * unknown id alone is PERSISTED_QUERY_NOT_FOUND.
 */
function documentFor(persisted: unknown, sentText: unknown): { text: string } | Refusal {
  if (!isObject(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') {
    return badRequest('`extensions.persistedQuery` must be `{ "version": 1, "sha256Hash": "<hex sha256 of the document>" }`.');
  }
  const hash = persisted.sha256Hash.replace(/^sha256:/, '').toLowerCase();
  if (sentText !== undefined && sentText !== null) {
    if (typeof sentText !== 'string' || sha256(sentText) !== hash) return badRequest('`extensions.persistedQuery.sha256Hash` is not the sha256 of `query`.');
    return { text: sentText };
  }
  const known = trustedDocument(hash);
  if (known === undefined) {
    return {
      status: 400,
      code: PERSISTED_QUERY_NOT_FOUND,
      message:
        'No document of this server has this id (`extensions.persistedQuery.sha256Hash`). Send the document as `query`, or the ids generated for this build.',
    };
  }
  return { text: known };
}

function badRequest(message: string): Refusal {
  return { status: 400, code: 'BAD_REQUEST', message };
}
