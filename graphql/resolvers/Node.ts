import type { NodeResolvers } from '../__generated__/resolvers-types';
import { nodeTypeOf } from '../access';

export const Node: NodeResolvers = {
  // The type the row was read as (`node`/`nodes` go through requireNode, which records it).
  __resolveType: (node) => nodeTypeOf(node),
};
