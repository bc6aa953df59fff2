import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind } from 'graphql';

/** The hash codegen embeds in each document of graphql/documents (`persistedDocuments` in codegen.ts). */
type PersistedDocument = { __meta__?: { hash?: string } };

export interface PersistedRequestBody<Variables> {
  operationName?: string;
  variables: Variables;
  extensions: { persistedQuery: { version: 1; sha256Hash: string } };
}

/**
 * The body that runs one of the app's own documents by its persisted id rather than its text,
 * as GRAPHQL_TRUSTED_DOCUMENTS=only requires of signed-in browsers (graphql/trustedDocuments.ts).
 */
export function persistedRequest<Data, Variables>(document: TypedDocumentNode<Data, Variables>, variables: Variables): PersistedRequestBody<Variables> {
  const hash = (document as PersistedDocument).__meta__?.hash;
  if (!hash) throw new Error('This document has no persisted id: is it in graphql/documents, and was `npm run codegen` run?');
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return {
    operationName: operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
  };
}
