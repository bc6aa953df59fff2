import { encode } from 'next-auth/jwt';
import { endAuthSessions, getUserById } from '@/db/users';
import { ApiClient, codes, sessionCookie, startApiServer, type ApiServer } from '@/graphql/__tests__/support/api';
import { setUpTestDatabase } from '@/testing/database';
import { makeUser } from '@/testing/factories';
import { getAuthSecret } from '@/lib/auth/secret';

setUpTestDatabase();

let server: ApiServer;
let anonymous: ApiClient;
const VIEWER = '{ viewer { email } }';

/** Whether the cookie signs anyone in: a request by nobody is answered UNAUTHENTICATED (with 200, like any GraphQL error). */
async function signsIn(credentials: { cookie: string } | { authorization: string }): Promise<boolean> {
  const result = await anonymous.as(credentials).request(VIEWER);
  if (result.status >= 500) throw new Error(`The server failed: ${JSON.stringify(result)}`);
  return !codes(result).includes('UNAUTHENTICATED');
}

beforeAll(async () => {
  server = await startApiServer();
  anonymous = new ApiClient(server.url);
});

afterAll(() => server.close());

async function cookieWith(token: Record<string, unknown>) {
  return { cookie: `next-auth.session-token=${await encode({ token, secret: getAuthSecret() })}` };
}

describe('an auth session cookie', () => {
  it('signs its user in until the user signs out, then never again', async () => {
    const user = await makeUser('Signs out');
    const cookie = await sessionCookie(user);
    expect((await anonymous.as(cookie).data<{ viewer: { email: string } }, object>(VIEWER)).viewer.email).toBe(user.email);

    // What next-auth's signOut event does with the cookie's own version.
    await endAuthSessions(user.id, user.authSessionVersion);
    expect(await signsIn(cookie)).toBe(false);

    const signedInAgain = await sessionCookie((await getUserById(user.id))!);
    expect(await signsIn(signedInAgain)).toBe(true);
  });

  it('signed out with an already refused cookie, leaves the newer sessions alone', async () => {
    const user = await makeUser('Stale sign-out');
    const stale = await sessionCookie(user);
    await endAuthSessions(user.id, user.authSessionVersion);
    const current = await sessionCookie((await getUserById(user.id))!);
    await endAuthSessions(user.id, user.authSessionVersion);
    expect(await signsIn(current)).toBe(true);
    expect(await signsIn(stale)).toBe(false);
  });

  it('is refused on every device at once after "sign out everywhere"', async () => {
    const user = await makeUser('Everywhere');
    const laptop = await sessionCookie(user);
    const phone = await sessionCookie(user);
    await endAuthSessions(user.id);
    expect(await signsIn(laptop)).toBe(false);
    expect(await signsIn(phone)).toBe(false);
  });

  it('is refused when issued before auth session versions existed', async () => {
    const user = await makeUser('Old cookie');
    expect(await signsIn(await cookieWith({ sub: user.id, email: user.email }))).toBe(false);
  });

  it.each([
    ['a `sub` that is not a uuid', { sub: 'not-a-uuid', authSessionVersion: 0 }],
    ['a `sub` with SQL in it', { sub: "x' or '1'='1", authSessionVersion: 0 }],
    ['a numeric `sub`', { sub: 42, authSessionVersion: 0 }],
    ['no `sub`', { authSessionVersion: 0 }],
    ['a user that does not exist', { sub: '00000000-0000-4000-8000-000000000000', authSessionVersion: 0 }],
  ])('with %s signs nobody in (and is no server error)', async (_label, token) => {
    expect(await signsIn(await cookieWith(token))).toBe(false);
  });

  it('is not accepted as a bearer token: bearer tokens are personal access tokens', async () => {
    const user = await makeUser('Bearer');
    const jwt = (await sessionCookie(user)).cookie.split('=')[1];
    const result = await anonymous.as({ authorization: `Bearer ${jwt}` }).request(VIEWER);
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
