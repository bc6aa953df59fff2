import type { NodeResolvers } from '../__generated__/resolvers-types';

export const Node: NodeResolvers = {
  // Rows carry no type tag; each node type has a column no other one has.
  __resolveType(node) {
    if ('passwordHash' in node) return 'User';
    if ('ownerId' in node) return 'Project';
    if ('messageCount' in node) return 'Session';
    if ('seq' in node) return 'Message';
    if ('inverse' in node) return 'Edit';
    return 'AccessToken';
  },
};
