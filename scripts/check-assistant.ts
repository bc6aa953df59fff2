// Start-up check: with ASSISTANT_PROVIDER set to a provider that cannot work (no key, bad URL),
// stop with one line saying what to set, before building and serving.
import { getAssistant, ProviderConfigError } from '@/lib/providers';

try {
  getAssistant();
} catch (error) {
  if (!(error instanceof Error)) throw error;
  console.error(error instanceof ProviderConfigError ? error.message : `ASSISTANT_PROVIDER: ${error.message}`);
  process.exit(1);
}
