/**
 * The edits of a project's timeline: the one public surface of db/edits/. What an instruction
 * touched (made, undid or redid), the project's timeline history (timeline_steps) that
 * checkpoints replay, and the clock edits are stamped with.
 */
export {
  editsInOrder,
  editsInOrderOf,
  listEditsForSession,
  listInstructionEdits,
  recordEditTouch,
  recordTimelineStep,
  toSessionEdit,
  type EditTouch,
} from './rows';
export { hasUnrecordedEditsAfter, historyHead, insertProjectEdit, listStepsFrom, markRevertedBy, type HistoryStep } from './history';
export { getOwnedEdits, listEditsForSessions } from './batched';
export { transactionClock } from './clock';
