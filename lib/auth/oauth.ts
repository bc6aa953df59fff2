import type { Profile } from 'next-auth';

/**
 * The email an OAuth provider vouches for, or null. Google says whether the address is
 * verified; GitHub hands out only addresses it has verified, so its email is taken as is.
 */
export function verifiedEmail(provider: string, profile: Profile | undefined): string | null {
  const email = profile?.email?.trim();
  if (!email) return null;
  if (provider === 'google') return (profile as Profile & { email_verified?: boolean }).email_verified === true ? email : null;
  return email;
}
