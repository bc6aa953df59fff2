import type { Message, Project, Session } from '@/db/schema';
import type { Clip } from '@/lib/assistant/types';
import type { Connection } from './connections';

/**
 * What resolvers hand to the GraphQL types that are not a database row (codegen's mappers;
 * the rows themselves come from db/schema.ts).
 */

export interface TimelineModel {
  projectId: string;
  clips: readonly Clip[];
}

export type ClipModel = Clip & { position: number };

export type ProjectConnectionModel = Connection<Project>;
export type SessionConnectionModel = Connection<Session>;
export type MessageConnectionModel = Connection<Message>;
