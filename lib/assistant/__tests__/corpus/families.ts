import type { CorpusFamily } from './corpus';
import { EDIT_MEMORY } from './editMemory.cases';
import { MISSPELLINGS } from './misspellings.cases';
import { NEVER_GUESS } from './neverGuess.cases';
import { QUANTITIES } from './quantities.cases';

/** Every family of the phrasing corpus: run in memory by the *.test.ts beside them, and through GraphQL by graphql/__tests__/interpreterCorpus.test.ts. */
export const CORPUS_FAMILIES: readonly CorpusFamily[] = [...QUANTITIES, ...MISSPELLINGS, ...NEVER_GUESS, ...EDIT_MEMORY];
