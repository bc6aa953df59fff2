import { fullDate, type DateSettings } from '@/lib/dates';
import type { Operation } from '@/lib/timeline/model';

/**
 * A session's transcript for download: its messages with their times, and the edits each
 * instruction made, with before/after values and whether they are reverted now. Pure: the use
 * case (server/sessions.ts exportSession) reads the rows; these are the columns it needs of them.
 * JSON is for machines: ids and ISO instants. Markdown is for people: dates in the full form of
 * lib/dates.ts, in the zone its header names, clips by name, and no internal ids.
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

/** How a Markdown transcript writes dates and clips: the reader's dates, and the clips' names by id (the timeline's now). */
export interface MarkdownOptions {
  dates: DateSettings;
  clipNames: ReadonlyMap<string, string>;
}

/**
 * Markdown: a heading, when it started and in which zone its times are, then each message with
 * its time, and under an instruction the edits it made. "Started" is the first message's time
 * (the session row can be made earlier, when a new session is opened and left empty), else the
 * session's.
 */
export function transcriptMarkdown(transcript: SessionTranscript, { dates, clipNames }: MarkdownOptions): string {
  const names = new Map(clipNames);
  for (const message of transcript.messages)
    for (const edit of message.edits)
      for (const change of edit.changes)
        if ((change.type === 'insert' || change.type === 'remove') && !names.has(change.clip.id)) names.set(change.clip.id, change.clip.name);
  const when = (iso: string) => fullDate(new Date(iso), dates);
  const started = transcript.messages[0]?.createdAt ?? transcript.session.createdAt;
  const lines = [`# ${transcript.session.title ?? 'New session'}`, '', `Started ${when(started)} · times in ${zoneName(dates.timeZone)}`, ''];
  for (const message of transcript.messages) {
    lines.push(`## ${message.role === 'user' ? 'You' : 'CoDirector'} · ${when(message.createdAt)}`, '', message.content, '');
    for (const edit of message.edits) {
      lines.push(`- Edit: ${edit.description}${edit.reverted ? ' (reverted)' : ''}`);
      for (const change of edit.changes) lines.push(`  - ${describeChange(change, names)}`);
    }
    if (message.edits.length > 0) lines.push('');
  }
  return lines.join('\n');
}

function zoneName(timeZone: string): string {
  return timeZone === 'UTC' ? 'UTC' : timeZone.replace(/_/g, ' ');
}

function describeChange(change: Operation, names: ReadonlyMap<string, string>): string {
  const clip = (id: string) => {
    const name = names.get(id);
    return name === undefined ? 'a clip since removed' : `“${name}”`;
  };
  switch (change.type) {
    case 'update':
      return (
        `${clip(change.clipId)}: ` +
        Object.keys(change.after)
          .map((key) => {
            const attribute = key as keyof typeof change.after;
            return `${key}: ${JSON.stringify(change.before[attribute])} → ${JSON.stringify(change.after[attribute])}`;
          })
          .join(', ')
      );
    case 'insert':
      return `added “${change.clip.name}” at position ${change.index + 1}`;
    case 'remove':
      return `removed “${change.clip.name}” from position ${change.index + 1}`;
    case 'move':
      return `moved ${clip(change.clipId)} from position ${change.fromIndex + 1} to ${change.toIndex + 1}`;
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
