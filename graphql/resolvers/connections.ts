import type { Connection } from '../connections';
import type { TypeResolvers } from './types';

/** Counted only when selected: the connection carries the count as a function. */
const totalCount = <Node>(connection: Connection<Node>) => connection.totalCount();

export const ProjectConnection: TypeResolvers<'ProjectConnection'> = { totalCount };
export const SessionConnection: TypeResolvers<'SessionConnection'> = { totalCount };
export const MessageConnection: TypeResolvers<'MessageConnection'> = { totalCount };
