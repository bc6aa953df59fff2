/** Start and end of a highlighted word in a snippet (ts_headline's StartSel and StopSel, db/sessions/search.ts): characters no text of ours contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** A search snippet as runs of text, the matched words marked. */
export type SnippetSegment = { text: string; marked: boolean };

/** Splits ts_headline's output (matched words between MARK_START and MARK_END) into segments. */
export function snippetSegments(raw: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  for (const [index, part] of raw.split(new RegExp(`[${MARK_START}${MARK_END}]`)).entries()) {
    if (part) segments.push({ text: part, marked: index % 2 === 1 });
  }
  return segments;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The snippet as HTML: the text escaped, matched words in <mark>. */
export function snippetHtml(raw: string): string {
  return snippetSegments(raw)
    .map(({ text, marked }) => {
      const escaped = text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
      return marked ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');
}
