import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { typeDefs } from './__generated__/typeDefs';
import { resolvers } from './resolvers';

let schema: GraphQLSchema | undefined;

/** The one executable schema, shared by the HTTP endpoint (Apollo) and the live stream (graphql-sse). */
export function executableSchema(): GraphQLSchema {
  schema ??= makeExecutableSchema({ typeDefs, resolvers });
  return schema;
}
