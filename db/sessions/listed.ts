import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { qualified } from '../qualified';
import { currentSessions, sessions } from '../schema';

/**
 * Sessions the history lists show: those with a conversation, and the current one (of its
 * project's owner, the only user who sees the project) even while empty. Empty ones pile up
 * nowhere: starting a session reuses an empty one.
 */
// `offset 0` keeps the subquery a per-row probe of current_sessions_session_idx, reached only for
// empty rows; without it Postgres may hash the whole current_sessions table once per query.
export const listedSession = sql`(${qualified(sessions.messageCount)} > 0 or exists (select 1 from ${currentSessions} where ${qualified(currentSessions.sessionId)} = ${qualified(sessions.id)} offset 0))`;

/**
 * How many sessions the default history list of a project holds: the counter the database keeps
 * on the project (see db/schema.ts) less its archived and unlisted empty sessions, which are read
 * off an index range each (sessions_project_listed_idx, sessions_project_empty_idx), not a count(*)
 * of every session. `project`: the projects row's columns in the statement this goes into, qualified
 * (Drizzle writes a lone table's columns bare, and a bare "id" would be the session's in here).
 */
export function listedSessionCount(project: { id: SQLWrapper; sessionCount: SQLWrapper }): SQL<number> {
  const archived = qualified(sessions.archived);
  return sql<number>`(${project.sessionCount} - (select count(*) from ${sessions}
    where ${qualified(sessions.projectId)} = ${project.id} and (${archived} or ${qualified(sessions.messageCount)} = 0)
      and (${archived} or not ${listedSession}))::int)`;
}
