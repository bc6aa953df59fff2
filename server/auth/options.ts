import type { DefaultSession, NextAuthOptions, User as AuthUser } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import type { Provider } from 'next-auth/providers/index';
import { linkOAuthIdentity } from '@/db/authAccounts';
import { endAuthSessions } from '@/db/users';
import { sameOriginPath } from '@/lib/auth/callbackUrl';
import { verifiedEmail } from '@/lib/auth/oauth';
import { getAuthSecret } from '@/lib/auth/secret';
import { configuredOAuthProviders, SIGN_IN_PATH, type OAuthProviderId } from '@/lib/auth/signInPage';
import { config, type Config } from '@/lib/config';
import { isUuid } from '@/lib/ids';
import { signInWithPassword } from './passwordSignIn';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string };
  }
  interface User {
    authSessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user's auth session version when this cookie was issued (see server/auth/authSession.ts). */
    authSessionVersion?: number;
  }
}

const credentialsProvider = CredentialsProvider({
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  // The route (app/api/auth/[...nextauth]/route.ts) has checked the form's shape and lengths.
  async authorize(credentials): Promise<AuthUser | null> {
    const user = await signInWithPassword(credentials?.email ?? '', credentials?.password ?? '');
    return user && { id: user.id, email: user.email, name: user.name, authSessionVersion: user.authSessionVersion };
  },
});

function oauthProvider(id: OAuthProviderId, settings: Config): Provider {
  return id === 'github'
    ? GitHubProvider({ clientId: settings.GITHUB_ID ?? '', clientSecret: settings.GITHUB_SECRET ?? '' })
    : GoogleProvider({ clientId: settings.GOOGLE_CLIENT_ID ?? '', clientSecret: settings.GOOGLE_CLIENT_SECRET ?? '' });
}

function buildAuthOptions(env: Readonly<Record<string, string | undefined>>): NextAuthOptions {
  const settings = config(env);
  return {
    secret: getAuthSecret(env),
    session: { strategy: 'jwt' },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [credentialsProvider, ...configuredOAuthProviders(env).map(({ id }) => oauthProvider(id, settings))],
    callbacks: {
      signIn({ account, profile }) {
        if (account?.type !== 'oauth') return true;
        return verifiedEmail(account.provider, profile) !== null;
      },
      // `sub` is always our user id: the GraphQL API reads it from the same cookie.
      async jwt({ token, user, account, profile }) {
        if (account?.type !== 'oauth') return user ? { ...token, authSessionVersion: user.authSessionVersion } : token;
        const email = verifiedEmail(account.provider, profile);
        if (!email) throw new Error('The provider did not confirm an email address.');
        const linked = await linkOAuthIdentity({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email,
          name: profile?.name ?? null,
        });
        return { ...token, sub: linked.id, email: linked.email, name: linked.name, authSessionVersion: linked.authSessionVersion };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? '' } };
      },
      redirect({ url, baseUrl }) {
        return `${baseUrl}${sameOriginPath(url, baseUrl)}`;
      },
    },
    events: {
      // Signing out refuses this cookie (and every other one of the user) from now on, not only here.
      async signOut({ token }) {
        if (isUuid(token?.sub) && typeof token.authSessionVersion === 'number') await endAuthSessions(token.sub, token.authSessionVersion);
      },
    },
  };
}

let authOptions: NextAuthOptions | undefined;

/** Built on first use, so `next build` never needs the signing secret. */
export function getAuthOptions(): NextAuthOptions {
  authOptions ??= buildAuthOptions(process.env);
  return authOptions;
}
