import type { Message, Project, Session } from '@/db/schema';
import type { Clip } from '@/lib/timeline/model';
import type { Connection } from './connections';

/**
 * What resolvers hand to the GraphQL types that are not a database row (codegen's mappers;
 * the rows themselves come from db/schema.ts).
 */

export interface TimelineModel {
  projectId: string;
  clips: readonly Clip[];
  /**
   * Set on a timeline that is not the project's current one (a restore preview): it gets an id
   * of its own, so a normalized cache never takes it for the project's timeline.
   */
  previewOf?: string;
}

export type ClipModel = Clip & { position: number };

/** A project's session counts: each is counted when selected (graphql/resolvers/Project.ts). */
export interface SessionCountsModel {
  projectId: string;
}

export type ProjectConnectionModel = Connection<Project>;
export type SessionConnectionModel = Connection<Session>;
export type MessageConnectionModel = Connection<Message>;

/** The rows resolvers map field by field (enum values, event data). */
export type { Message as MessageRow, ProjectEvent as ProjectEventRow, Session as SessionRow } from '@/db/schema';
export type { SearchResult as SearchResultRow } from '@/db/sessions';
