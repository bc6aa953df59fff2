import { runCorpus } from './corpus';
import { EDIT_MEMORY } from './editMemory.cases';

for (const { family, cases } of EDIT_MEMORY) runCorpus(family, cases);
