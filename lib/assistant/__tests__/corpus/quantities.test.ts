import { runCorpus } from './corpus';
import { QUANTITIES } from './quantities.cases';

for (const { family, cases } of QUANTITIES) runCorpus(family, cases);
