import type { Operation } from '@/lib/timeline/model';

/**
 * A session's transcript for download: its messages with their times, and the edits each
 * instruction made, with before/after values and whether they are reverted now. Pure: the use
 * case (server/sessions.ts exportSession) reads the rows; these are the columns it needs of them.
 */

export interface ExportedSession {
  id: string;
  title: string | null;
  createdAt: Date;
  pinned: boolean;
  archived: boolean;
}

export interface ExportedMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: Date;
}

export interface ExportedEdit {
  id: string;
  messageId: string | null;
  description: string;
  createdAt: Date;
  revertedAt: Date | null;
  revertedByEditId: string | null;
  operations: Operation[];
}

export type ExportFormat = 'md' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'json'];

export interface SessionTranscript {
  session: { id: string; title: string | null; createdAt: string; pinned: boolean; archived: boolean };
  messages: {
    id: string;
    role: ExportedMessage['role'];
    content: string;
    createdAt: string;
    edits: { id: string; description: string; createdAt: string; reverted: boolean; revertedAt: string | null; changes: Operation[] }[];
  }[];
}

export function sessionTranscript(session: ExportedSession, messages: readonly ExportedMessage[], edits: readonly ExportedEdit[]): SessionTranscript {
  const byMessage = new Map<string, ExportedEdit[]>();
  for (const edit of edits) if (edit.messageId) byMessage.set(edit.messageId, [...(byMessage.get(edit.messageId) ?? []), edit]);
  return {
    session: { id: session.id, title: session.title, createdAt: session.createdAt.toISOString(), pinned: session.pinned, archived: session.archived },
    messages: messages.map((message) => ({
      id: message.id,
      role: message.role,
      content: message.content,
      createdAt: message.createdAt.toISOString(),
      edits: (byMessage.get(message.id) ?? []).map((edit) => ({
        id: edit.id,
        description: edit.description,
        createdAt: edit.createdAt.toISOString(),
        reverted: edit.revertedAt !== null || edit.revertedByEditId !== null,
        revertedAt: edit.revertedAt?.toISOString() ?? null,
        changes: edit.operations,
      })),
    })),
  };
}

export function transcriptJson(transcript: SessionTranscript): string {
  return `${JSON.stringify(transcript, null, 2)}\n`;
}

/** Markdown: a heading, then each message with its time, and under an instruction the edits it made. */
export function transcriptMarkdown(transcript: SessionTranscript): string {
  const lines = [`# ${transcript.session.title ?? 'New session'}`, '', `Started ${transcript.session.createdAt}`, ''];
  for (const message of transcript.messages) {
    lines.push(`## ${message.role === 'user' ? 'You' : 'CoDirector'} · ${message.createdAt}`, '', message.content, '');
    for (const edit of message.edits) {
      lines.push(`- Edit: ${edit.description}${edit.reverted ? ' (reverted)' : ''}`);
      for (const change of edit.changes) lines.push(`  - ${describeChange(change)}`);
    }
    if (message.edits.length > 0) lines.push('');
  }
  return lines.join('\n');
}

function describeChange(change: Operation): string {
  switch (change.type) {
    case 'update':
      return (
        Object.keys(change.after)
          .map((key) => {
            const attribute = key as keyof typeof change.after;
            return `${key}: ${JSON.stringify(change.before[attribute])} → ${JSON.stringify(change.after[attribute])}`;
          })
          .join(', ') + ` (clip ${change.clipId})`
      );
    case 'insert':
      return `added “${change.clip.name}” at position ${change.index + 1}`;
    case 'remove':
      return `removed “${change.clip.name}” from position ${change.index + 1}`;
    case 'move':
      return `moved clip ${change.clipId} from position ${change.fromIndex + 1} to ${change.toIndex + 1}`;
  }
}

/** A file name for the download: the title's words, or "session". */
export function exportFileName(transcript: SessionTranscript, format: ExportFormat): string {
  const base = (transcript.session.title ?? 'session')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
    .toLowerCase();
  return `${base || 'session'}.${format}`;
}
