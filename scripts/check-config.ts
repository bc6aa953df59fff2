// Start-up check of `npm start`, before building and serving: every setting parses (lib/config.ts:
// a bad value stops the start with one line per variable, naming what it allows), and the ones
// that only fail when the first request needs them (a model provider without its key) are tried
// now (lib/startUpCheck.ts; the server runs the same check as it starts, in instrumentation.ts).
import { startUpProblems } from '@/lib/startUpCheck';

const problems = startUpProblems();
if (problems !== null) {
  console.error(problems);
  process.exit(1);
}
