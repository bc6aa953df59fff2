import type { Clip } from '@/lib/timeline/model';
import type { Executor } from '../client';
import { listInstructionEdits } from '../edits';
import { getTimeline } from '../projects';
import type { Edit, Message, Project, Session } from '../schema';
import { findReply } from './replies';

/** What an instruction comes to: its message and reply, the edits it touched and the timeline they left (read back for a retry: loadInstructionResult). */
export interface InstructionResult {
  userMessage: Message;
  reply: Message;
  /** Edits this instruction created, reverted or re-applied, as they are now. */
  edits: Edit[];
  /** The project's timeline after the instruction. */
  timeline: Clip[];
  /** The session and project as the instruction left them, when its transaction already read them (no re-read for the payload). */
  session?: Session;
  project?: Project;
}

/** The stored outcome of an instruction sent before (a retried request). */
export async function loadInstructionResult(projectId: string, userMessage: Message, tx: Executor): Promise<InstructionResult> {
  // An instruction commits with its reply (server/turn/begin.ts), so one sent before has it.
  const reply = (await findReply(userMessage, tx))!;
  const [touched, timeline] = await Promise.all([listInstructionEdits([userMessage.id], tx), getTimeline(projectId, tx)]);
  return { userMessage, reply, edits: touched.get(userMessage.id) ?? [], timeline };
}
