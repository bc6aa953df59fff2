// Start-up check of the settings read only when the first request needs them: a provider that
// cannot work (no key, bad URL) or an unknown GRAPHQL_TRUSTED_DOCUMENTS value stops the start
// with one line saying what to set, before building and serving.
import { trustedDocumentsMode } from '@/graphql/trustedDocuments';
import { getAssistant, ProviderConfigError } from '@/lib/providers';

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
