// Start-up check, before building and serving: every setting parses (lib/config.ts: a bad value
// stops the start with one line per variable, naming what it allows), and the ones that only
// fail when the first request needs them (a model provider without its key) are tried now.
import { trustedDocumentsMode } from '@/graphql/trustedDocuments';
import { config, ConfigError } from '@/lib/config';
import { getAssistant, ProviderConfigError } from '@/lib/providers';

try {
  config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const checks: [setting: string, check: () => unknown][] = [
  ['ASSISTANT_PROVIDER', () => getAssistant()],
  ['GRAPHQL_TRUSTED_DOCUMENTS', () => trustedDocumentsMode()],
];

for (const [setting, check] of checks) {
  try {
    check();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    console.error(error instanceof ProviderConfigError || error.message.startsWith(setting) ? error.message : `${setting}: ${error.message}`);
    process.exit(1);
  }
}
