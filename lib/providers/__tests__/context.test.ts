import { newClip } from '@/lib/timeline/model';
import { assemblePrompt, compactConversation, measureContext, type PromptMessage } from '../context';

/** Budget folding, compaction on demand and the context meter: one folding step, one measure. */
const TIMELINE = [
  { ...newClip('Intro', 'intro', 4000), id: 'clip-intro' },
  { ...newClip('Outro', 'outro', 5000), id: 'clip-outro' },
];

function turns(count: number, words = 3): PromptMessage[] {
  return Array.from({ length: count }, (_, index) => [
    { seq: index * 2 + 1, role: 'user' as const, content: `instruction ${index + 1} ${'word '.repeat(words)}`.trim() },
    { seq: index * 2 + 2, role: 'assistant' as const, content: `reply ${index + 1} ${'word '.repeat(words)}`.trim() },
  ]).flat();
}

describe('compactConversation', () => {
  it('folds every turn but the latest into the summary, one line per instruction', () => {
    const { summary, foldedMessages } = compactConversation(turns(3), null);
    expect(foldedMessages).toBe(4);
    expect(summary).toEqual({ text: '- "instruction 1 word word word"\n- "instruction 2 word word word"', throughSeq: 4 });
  });

  it('extends an existing summary with the turns after it, and folds nothing twice', () => {
    const first = compactConversation(turns(2), null);
    expect(first.summary).toEqual({ text: '- "instruction 1 word word word"', throughSeq: 2 });
    const second = compactConversation(turns(4), first.summary);
    expect(second.foldedMessages).toBe(4);
    expect(second.summary!.text.split('\n')).toEqual([
      '- "instruction 1 word word word"',
      '- "instruction 2 word word word"',
      '- "instruction 3 word word word"',
    ]);
    expect(second.summary!.throughSeq).toBe(6);
  });

  it('has nothing to fold with only the latest turn unfolded', () => {
    expect(compactConversation(turns(1), null)).toEqual({ summary: null, foldedMessages: 0 });
    expect(compactConversation([], null)).toEqual({ summary: null, foldedMessages: 0 });
    const summary = { text: '- "old"', throughSeq: 4 };
    expect(compactConversation(turns(3), summary)).toEqual({ summary, foldedMessages: 0 });
  });

  it('folds exactly as the budget folds: the same summary for the same turns', () => {
    const messages = turns(6, 60);
    const folded = assemblePrompt({ timeline: TIMELINE, editLog: [], messages, summary: null, instruction: 'next', budgetTokens: 1 });
    expect(folded.folded).toBe(true);
    // With a budget nothing fits in, assembly folds down to the latest turn: what Compact does at once.
    expect(compactConversation(messages, null).summary).toEqual(folded.summary);
  });
});

describe('measureContext', () => {
  it('counts the system prompt, timeline, edit log and unfolded messages against the budget', () => {
    const empty = measureContext({ timeline: TIMELINE, editLog: [], messages: [], summary: null, budgetTokens: 8000 });
    expect(empty.budgetTokens).toBe(8000);
    expect(empty.usedTokens).toBeGreaterThan(100);
    expect(empty.foldableMessages).toBe(0);

    const longer = measureContext({ timeline: TIMELINE, editLog: [], messages: turns(4, 50), summary: null, budgetTokens: 8000 });
    expect(longer.usedTokens).toBeGreaterThan(empty.usedTokens + 4 * 2 * 50);
    expect(longer.foldableMessages).toBe(6);
  });

  it('drops after compacting: folded replies leave, their instructions stay as summary lines', () => {
    const messages = turns(4, 50);
    const before = measureContext({ timeline: TIMELINE, editLog: [], messages, summary: null, budgetTokens: 8000 });
    const { summary } = compactConversation(messages, null);
    const after = measureContext({ timeline: TIMELINE, editLog: [], messages, summary, budgetTokens: 8000 });
    expect(after.usedTokens).toBeLessThan(before.usedTokens);
    expect(after.foldableMessages).toBe(0);
  });

  it('is what the next prompt costs without its instruction', () => {
    const messages = turns(2);
    const measured = measureContext({
      timeline: TIMELINE,
      editLog: [{ description: 'Made “Outro” longer', instruction: 'longer', reverted: false }],
      messages,
      summary: null,
      budgetTokens: 8000,
    });
    const prompt = assemblePrompt({
      timeline: TIMELINE,
      editLog: [{ description: 'Made “Outro” longer', instruction: 'longer', reverted: false }],
      messages,
      summary: null,
      instruction: 'x',
      budgetTokens: 8000,
    });
    // The instruction "x" is one token plus the per-message overhead of four.
    expect(prompt.tokens - measured.usedTokens).toBe(5);
  });
});
