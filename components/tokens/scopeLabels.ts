import type { TokenScope } from '@/lib/auth/tokenScopes';

/** How each scope reads on the tokens page, lowest first. */
export const SCOPE_CHOICES: readonly { scope: TokenScope; label: string; description: string }[] = [
  { scope: 'READ', label: 'Read', description: 'Queries and live updates only.' },
  { scope: 'WRITE', label: 'Read and write', description: 'Also instructions and changes to projects and sessions.' },
  { scope: 'ADMIN', label: 'Admin', description: 'Also creating and revoking tokens, and signing out everywhere.' },
];

export const scopeLabel = (scope: TokenScope) => SCOPE_CHOICES.find((choice) => choice.scope === scope)?.label ?? scope;
