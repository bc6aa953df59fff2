'use server';

import type { SignUpInput, SignUpResult } from '@/lib/auth/signUpForm';
import { signUp } from '@/server/auth/signup';

export async function signUpAction(input: SignUpInput): Promise<SignUpResult> {
  // Arguments arrive from the network: take only the three strings (anything else reads as empty, a field error).
  const fields = typeof input === 'object' && input !== null ? (input as unknown as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return signUp({ name: text(fields.name), email: text(fields.email), password: text(fields.password) });
}
