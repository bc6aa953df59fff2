import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '@/db/pagination';
import { DEFAULT_PAGE_SIZE } from '@/db/pagination';
import type { GraphQLContext } from './context';
import { queryTooComplex } from './errors';

/**
 * What a single request may ask for. The deepest query the product needs (viewer → projects →
 * sessions → messages → edits, through edges and nodes) is 12 levels.
 */
export const QUERY_LIMITS = {
  depth: 12,
  aliases: 30,
  directives: 20,
  /** Lexical tokens in the document; enforced by graphql's own parser (GRAPHQL_PARSE_FAILED). */
  tokens: 2_000,
  /** GitHub-style: the most objects a query could return, multiplying the page sizes of nested connections. */
  nodes: 10_000,
} as const;

/** graphql-armor's depth, alias and directive limits, refusing with QUERY_TOO_COMPLEX. */
export function armorProtection(options: { hideFieldSuggestions: boolean }) {
  const onReject = [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(queryTooComplex(error.message.replace(/^Syntax Error: /, ''))),
  ];
  const refuse = { onReject, propagateOnRejection: false, exposeLimits: true };
  return new ApolloArmor({
    maxDepth: { ...refuse, n: QUERY_LIMITS.depth },
    maxAliases: { ...refuse, n: QUERY_LIMITS.aliases },
    maxDirectives: { ...refuse, n: QUERY_LIMITS.directives },
    // Replaced: the parser's maxTokens (see QUERY_LIMITS.tokens) and nodeLimitPlugin below.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideFieldSuggestions },
  }).protect();
}

/** Refuses, before anything runs, an operation that could return more than QUERY_LIMITS.nodes objects. */
export function nodeLimitPlugin(maxNodes: number = QUERY_LIMITS.nodes): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook must return a promise, and a refusal (or a throw from countNodes) has to reach it as a rejection, not a synchronous throw.
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const nodes = countNodes(schema, document, operation, request.variables ?? {});
          if (nodes > maxNodes) {
            throw queryTooComplex(`This query could return up to ${nodes} nodes; the limit is ${maxNodes}. Ask for smaller pages with \`first\`/\`last\`.`);
          }
        },
      });
    },
  };
}

interface CountScope {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Nodes per fragment at multiplier 1; counts are linear, so a fragment spread N times is walked once. */
  fragmentNodes: Map<string, number>;
}

/**
 * GitHub's rule: every connection returns up to `first`/`last` nodes (its default when
 * neither is given) for each of its parents, so nested connections multiply. `nodes(ids:)`
 * counts its ids.
 */
export function countNodes(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return countSelections(operation.selectionSet, root, {
    schema,
    fragments,
    variables: { ...defaults, ...variables },
    fragmentNodes: new Map(),
  });
}

function countSelections(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, scope: CountScope): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += countField(selection, parentType, scope);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? scope.schema.getType(selection.typeCondition.name.value) : parentType;
      if (isCompositeType(type)) total += countSelections(selection.selectionSet, type, scope);
    } else {
      total += countFragment(selection.name.value, scope);
    }
  }
  return total;
}

function countFragment(name: string, scope: CountScope): number {
  const known = scope.fragmentNodes.get(name);
  if (known !== undefined) return known;
  const fragment = scope.fragments.get(name);
  const type = fragment && scope.schema.getType(fragment.typeCondition.name.value);
  // Validation has already refused unknown fragments and cycles.
  const nodes = fragment && isCompositeType(type) ? countSelections(fragment.selectionSet, type, scope) : 0;
  scope.fragmentNodes.set(name, nodes);
  return nodes;
}

function countField(node: FieldNode, parentType: GraphQLCompositeType, scope: CountScope): number {
  const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
  if (!field) return 0;
  const type = getNamedType(field.type);
  const children = node.selectionSet && isCompositeType(type) ? countSelections(node.selectionSet, type, scope) : 0;
  const size = listSize(field, node, scope.variables);
  return size === null ? children : size + size * children;
}

/** How many objects a paginated field (or `nodes(ids:)`) returns per parent; null for other fields. */
function listSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | null {
  const firstArgument = field.args.find((argument) => argument.name === 'first');
  if (firstArgument) {
    const first = intArgument(node, 'first', variables);
    const last = intArgument(node, 'last', variables);
    const requested =
      first === null && last === null
        ? typeof firstArgument.defaultValue === 'number'
          ? firstArgument.defaultValue
          : DEFAULT_PAGE_SIZE
        : Math.max(first ?? 0, last ?? 0);
    // Larger pages are refused by the connection itself (BAD_USER_INPUT naming the argument).
    return Math.min(Math.max(requested, 0), MAX_PAGE_SIZE);
  }
  const ids = field.args.find((argument) => argument.name === 'ids' && isListType(getNullableType(argument.type)));
  if (ids) return Math.min(listArgumentLength(node, 'ids', variables), MAX_PAGE_SIZE);
  return null;
}

function argumentValue(node: FieldNode, name: string): ValueNode | undefined {
  return node.arguments?.find((argument) => argument.name.value === name)?.value;
}

function intArgument(node: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const value = argumentValue(node, name);
  if (value?.kind === Kind.INT) return Number(value.value);
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : null;
  }
  return null;
}

function listArgumentLength(node: FieldNode, name: string, variables: Record<string, unknown>): number {
  const value = argumentValue(node, name);
  if (value?.kind === Kind.LIST) return value.values.length;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return Array.isArray(given) ? given.length : 1;
  }
  return 1;
}
