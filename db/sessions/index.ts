/**
 * The sessions of a project (its conversations): the one public surface of db/sessions/. Their
 * rows and the user's current one, the history list and its search, the batched reads of the
 * DataLoaders, the folded summary, the state an instruction is decided on, and branches.
 */
export {
  automaticTitleChanges,
  countSessions,
  createSession,
  DEFAULT_SESSION_LIST,
  deleteSession,
  getCurrentSession,
  getOrStartCurrentSession,
  listSessions,
  renameSession,
  restoreSession,
  restoreSessionSwitch,
  sessionKey,
  setAutomaticTitle,
  setCurrentSession,
  setSessionFlags,
  startSession,
  startSessionSwitch,
  type SessionFlags,
  type SessionKey,
  type SessionListFilter,
  type SessionLeft,
  type SessionSwitch,
} from './rows';
export { listedSession, listedSessionCount } from './listed';
export { countSearchResults, searchKey, searchSessions, type SearchKey, type SearchResult } from './search';
export { countSessionsByProject, firstSessionPages, getCurrentSessions, getOwnedSessions } from './batched';
export { getSessionSummary, saveSessionSummary } from './summary';
export { readSessionState, type SessionState } from './state';
export { createBranchSession, getBranchOrigins, sessionsByIds } from './branches';
