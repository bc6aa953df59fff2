'use server';

import { signUp, type SignUpInput, type SignUpResult } from '@/lib/auth/signup';

export async function signUpAction(input: SignUpInput): Promise<SignUpResult> {
  // Arguments arrive from the network: take only the three strings.
  return signUp({ name: String(input?.name ?? ''), email: String(input?.email ?? ''), password: String(input?.password ?? '') });
}
