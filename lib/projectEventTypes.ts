/** What a project event says changed: the live feed's vocabulary, shared by the server that records events and the pages that follow them. */
export type ProjectEventType =
  | 'instruction.answered'
  | 'session.started'
  | 'session.restored'
  | 'session.renamed'
  | 'session.deleted'
  | 'session.pinned'
  | 'session.unpinned'
  | 'session.archived'
  | 'session.unarchived'
  | 'session.forked'
  /** Older turns folded into the session's summary on demand (compactSession). */
  | 'session.compacted'
  | 'timeline.restored'
  | 'project.renamed'
  /** An instruction is stored and its reply is being generated (`messageId`: the reply). */
  | 'reply.started'
  /** Reply text appended: `data: { offset, text }`, the text at that character offset of the reply. */
  | 'reply.delta'
  /** The reply ended: `data: { status }` (done, failed, stopped). */
  | 'reply.finished';
