import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { config } from '@/lib/config';
import type { GraphQLContext } from './context';
import { armorProtection, countNodes, nodeLimitPlugin, QUERY_LIMITS } from './limits';
import { applyTrustedDocuments, trustedDocumentsMode, type Refusal, type TrustedDocumentsMode } from './trustedDocuments';

type Env = Readonly<Record<string, string | undefined>>;

/** Introspection for everyone outside production; in production only with GRAPHQL_INTROSPECTION=true. */
export function introspectionEnabled(env: Env = process.env): boolean {
  const { NODE_ENV, GRAPHQL_INTROSPECTION } = config(env);
  return NODE_ENV !== 'production' || GRAPHQL_INTROSPECTION;
}

/**
 * Who may introspect: everyone, or (in production by default) personal-access-token holders
 * only, as GitHub's and Shopify's APIs allow, so schema tools and codegen work against
 * production while anonymous callers and browsers' cookies learn nothing of the schema.
 */
export type IntrospectionPolicy = 'everyone' | 'tokens';

/** The refusal of an introspection query to a caller the policy leaves out; null when it may run. */
export function introspectionRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  caller: { via: 'session' | 'token' | null },
  policy: IntrospectionPolicy,
): Refusal | null {
  if (policy === 'everyone' || caller.via === 'token') return null;
  const [error] = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
  if (!error) return null;
  return { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: `${error.message} Introspection needs a personal access token here.` };
}

/** The same rule on the HTTP route, where who is asking is known only once the operation is resolved. */
function introspectionPlugin(policy: IntrospectionPolicy): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook must return a promise; a refusal reaches it as a rejection.
        async didResolveOperation({ schema, document, contextValue }) {
          const refusal = introspectionRefusal(schema, document, { via: contextValue.viewer?.via ?? null }, policy);
          if (refusal) throw new GraphQLError(refusal.message, { extensions: { code: refusal.code, http: { status: refusal.status } } });
        },
      });
    },
  };
}

/**
 * Every guard a GraphQL operation passes, in order, on both routes (`/api/graphql` through
 * Apollo's options, `/api/graphql/stream` through checkStreamOperation): the document policy
 * (trusted documents), the parser's token limit, validation with the depth, alias and directive
 * limits, introspection only for whom the policy allows, then the node limit. A guard added here holds on both.
 */
export interface OperationGuards {
  trustedDocuments: TrustedDocumentsMode;
  introspection: IntrospectionPolicy;
  parseOptions: { maxTokens: number };
  /** Beyond graphql's specified rules. */
  validationRules: ValidationRule[];
  /** Apollo plugins that enforce the same limits on the HTTP route. */
  apolloPlugins: ApolloServerPlugin<GraphQLContext>[];
}

export function operationGuards(env: Env = process.env): OperationGuards {
  const introspection: IntrospectionPolicy = introspectionEnabled(env) ? 'everyone' : 'tokens';
  // Suggestions ("did you mean …") would spell the schema out to anyone introspection leaves out.
  const armor = armorProtection({ hideFieldSuggestions: introspection !== 'everyone' });
  return {
    trustedDocuments: trustedDocumentsMode(env),
    introspection,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    validationRules: armor.validationRules,
    apolloPlugins: [...armor.plugins, introspectionPlugin(introspection), nodeLimitPlugin()],
  };
}

/** What a graphql-sse client sends for one operation. */
export interface StreamOperationParams {
  query?: unknown;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

const STREAM_SUBSCRIPTIONS_ONLY = 'This endpoint streams subscriptions only (graphql-sse). Send queries and mutations to /api/graphql.';

/**
 * The stream route's operation through the guards: the arguments to execute it with, or the
 * coded refusal to answer before the stream opens.
 */
export function checkStreamOperation(
  params: StreamOperationParams,
  caller: { via: 'session' | 'token' | null },
  schema: GraphQLSchema,
  guards: OperationGuards,
): { document: DocumentNode; operationName?: string; variableValues?: Record<string, unknown> } | Refusal {
  const request = applyTrustedDocuments({ method: 'POST', body: { ...params }, search: '' }, caller.via, guards.trustedDocuments);
  if ('code' in request) return request;
  const { query, variables, operationName } = request.body as StreamOperationParams;
  if (typeof query !== 'string' || query.trim() === '') return { status: 400, code: 'BAD_REQUEST', message: 'Send the subscription as `query`.' };
  let document: DocumentNode;
  try {
    document = parse(query, guards.parseOptions);
  } catch (error) {
    return { status: 400, code: 'GRAPHQL_PARSE_FAILED', message: error instanceof GraphQLError ? error.message : 'The document does not parse.' };
  }
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return { status: 400, code: 'BAD_REQUEST', message: 'The document has no operation of that name (give `operationName`).' };
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return { status: 405, code: 'METHOD_NOT_ALLOWED', message: STREAM_SUBSCRIPTIONS_ONLY };
  const errors = validate(schema, document, [...specifiedRules, ...guards.validationRules]);
  const introspection = errors.length === 0 ? introspectionRefusal(schema, document, caller, guards.introspection) : null;
  if (introspection) return introspection;
  if (errors.length > 0) {
    const tooComplex = errors.find((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX');
    return tooComplex
      ? { status: 400, code: 'QUERY_TOO_COMPLEX', message: tooComplex.message }
      : { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: errors.map((error) => error.message).join(' ') };
  }
  const nodes = countNodes(schema, document, operation, variables ?? {});
  if (nodes > QUERY_LIMITS.nodes) {
    return {
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: `This subscription could return up to ${nodes} nodes; the limit is ${QUERY_LIMITS.nodes}.`,
    };
  }
  return { document, operationName: operationName ?? undefined, variableValues: variables ?? undefined };
}
