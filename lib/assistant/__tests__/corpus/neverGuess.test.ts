import { runCorpus } from './corpus';
import { NEVER_GUESS } from './neverGuess.cases';

for (const { family, cases } of NEVER_GUESS) runCorpus(family, cases);
