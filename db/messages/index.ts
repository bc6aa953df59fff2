/**
 * The messages of a session (instructions and the assistant's replies): the one public surface of
 * db/messages/. Their rows and counting, a reply's generation status, an instruction's answer and
 * stored result, an instruction's place in the project's history and the copy of a conversation
 * into a branch, and the batched reads of the DataLoaders.
 */
export {
  appendMessage,
  countAppendedMessages,
  findMessageByClientId,
  getAllMessages,
  getFirstInstruction,
  getMessageById,
  insertMessageAt,
  insertNextMessage,
  listMessages,
  messageKey,
  messagesAppended,
  type MessageKey,
  type NewMessage,
} from './rows';
export {
  ACTIVE_STATUSES,
  failStaleReplies,
  findActiveReply,
  findReply,
  isActiveReply,
  readStopRequest,
  requestStop,
  storeStreamedText,
  updateReply,
} from './replies';
export { recordAnswer } from './answer';
export { loadInstructionResult, type InstructionResult } from './result';
export { copyConversation, historyBoundaryAfter } from './checkpoints';
export { firstMessagePages, getOwnedMessages } from './batched';
