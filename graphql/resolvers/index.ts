import { AccessToken } from './AccessToken';
import { TimelineChange, TimelineRestorePreview } from './Checkpoints';
import { Clip } from './Clip';
import { MessageConnection, ProjectConnection, SessionConnection, SessionEdge } from './connections';
import { DateTime } from './DateTime';
import { Edit } from './Edit';
import { Message } from './Message';
import { Mutation } from './Mutation';
import { Node } from './Node';
import { Project, SessionCounts } from './Project';
import { Query } from './Query';
import { Session } from './Session';
import { ProjectEvent, Subscription } from './Subscription';
import { Timeline } from './Timeline';
import type { SchemaResolvers } from './types';
import { User } from './User';

export const resolvers: SchemaResolvers = {
  DateTime,
  Node,
  Query,
  Mutation,
  User,
  Project,
  SessionCounts,
  ProjectConnection,
  Timeline,
  Clip,
  Session,
  SessionConnection,
  SessionEdge,
  Message,
  MessageConnection,
  Edit,
  AccessToken,
  TimelineRestorePreview,
  TimelineChange,
  Subscription,
  ProjectEvent,
};
