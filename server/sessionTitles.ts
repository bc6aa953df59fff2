import { listEditsForSession } from '@/db/edits';
import { recordProjectEvent } from '@/db/events';
import { getFirstInstruction } from '@/db/messages';
import type { Edit, Session } from '@/db/schema';
import { setAutomaticTitle } from '@/db/sessions';
import { getTimeline } from '@/db/projects';
import type { Transaction } from '@/db/client';
import { sessionTitle, type AutomaticTitle } from '@/lib/sessionTitles';
import type { Timeline } from '@/lib/timeline/model';

/**
 * Titles the session after what it did (lib/sessionTitles.ts), in the transaction of the
 * instruction that changed it, unless the user renamed it. A changed title is a `session.renamed`
 * event, as a rename is, so the user's other devices show it; `clientMessageId` lets the device
 * that sent the instruction skip a second refresh. A session new in this transaction (a branch) is
 * announced by its own event instead (`announce: false`).
 */
export async function retitleSession(
  session: Pick<Session, 'id' | 'projectId'>,
  tx: Transaction,
  options: { timeline?: Timeline; edits?: readonly Edit[]; clientMessageId?: string | null; announce?: boolean } = {},
): Promise<void> {
  // The caller may already hold the session's edits, in order, as this transaction leaves them.
  const edits = options.edits ?? (await listEditsForSession(session.id, tx));
  // With edits the title is theirs: the first instruction is read only for a session without.
  const firstInstruction = edits.length > 0 ? null : await getFirstInstruction(session.id, tx);
  const timeline = options.timeline ?? (await getTimeline(session.projectId, tx));
  const automatic = sessionTitle({ firstInstruction, edits, clipNames: clipNamesOf(timeline) });
  if (automatic) await applyAutomaticTitle(session, automatic, tx, options);
}

/** Sets `automatic` unless the user renamed the session; a changed title is a `session.renamed` event (unless `announce: false`). */
export async function applyAutomaticTitle(
  session: Pick<Session, 'id' | 'projectId'>,
  automatic: AutomaticTitle,
  tx: Transaction,
  options: { clientMessageId?: string | null; announce?: boolean } = {},
): Promise<void> {
  const retitled = await setAutomaticTitle(session.id, automatic, tx);
  if (!retitled || options.announce === false) return;
  await recordProjectEvent(
    {
      projectId: session.projectId,
      type: 'session.renamed',
      sessionId: session.id,
      data: options.clientMessageId ? { clientMessageId: options.clientMessageId } : null,
    },
    tx,
  );
}

/** The automatic title of a session that has edits (theirs), as `timeline` names their clips. */
export function titleAfterEdits(edits: readonly Edit[], timeline: Timeline): AutomaticTitle | null {
  return sessionTitle({ firstInstruction: null, edits, clipNames: clipNamesOf(timeline) });
}

function clipNamesOf(timeline: Timeline): Map<string, string> {
  return new Map(timeline.map((clip) => [clip.id, clip.name]));
}
