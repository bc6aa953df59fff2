import { runCorpus } from './corpus';
import { MISSPELLINGS } from './misspellings.cases';

for (const { family, cases } of MISSPELLINGS) runCorpus(family, cases);
