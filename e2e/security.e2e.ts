import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { uniqueEmail } from './support/app';
import { graphql, postCredentials, prepareOwnDatabase, startOwnServer } from './support/ownServer';
import { BASE_URL, newPage, useBrowser } from './support/browser';

describe('security', () => {
  const browser = useBrowser();

  test('pages carry a nonce-based CSP and the other security headers', async () => {
    const response = await fetch(`${BASE_URL}/signin`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    assert.doesNotMatch(csp.split(';').find((part) => part.trim().startsWith('script-src')) ?? '', /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    const again = await fetch(`${BASE_URL}/signin`);
    assert.notEqual(again.headers.get('content-security-policy'), csp, 'each page view gets a new nonce');
  });

  test('health checks answer a load balancer without a session, uncached', async () => {
    for (const [path, body] of [
      ['/api/health', { status: 'ok' }],
      ['/api/health/ready', { status: 'ok', database: 'ok' }],
    ] as const) {
      const response = await fetch(`${BASE_URL}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.deepEqual(await response.json(), body);
    }
  });

  test('after 10 failed sign-ins an account gets 429 with Retry-After, and the form says so', async () => {
    const email = uniqueEmail('throttled');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await postCredentials(BASE_URL, email, `wrong-${attempt}`);
      assert.notEqual(response.status, 429, `attempt ${attempt} was throttled too early`);
    }
    const refused = await postCredentials(BASE_URL, email, 'wrong-again');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);

    const page = await newPage(browser());
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Too many failed sign-in attempts/);
    await page.context().close();
  });

  test('served as https (NEXTAUTH_URL https://…), the session cookie is Secure and __Secure- prefixed, and the API reads it', async () => {
    const database = await prepareOwnDatabase();
    const server = await startOwnServer(database, { NEXTAUTH_URL: 'https://codirector.example' });
    try {
      const response = await postCredentials(server.url, 'demo@codirector.dev', 'codirector-demo');
      const session = response.headers.getSetCookie().find((entry) => entry.startsWith('__Secure-next-auth.session-token='));
      assert.ok(session, 'the session cookie has the __Secure- prefix');
      assert.match(session, /;\s*Secure(;|$)/i);
      assert.match(session, /;\s*HttpOnly(;|$)/i);
      assert.match(session, /;\s*SameSite=Lax(;|$)/i);
      const answer = await graphql<{ viewer: { email: string } }>(server.url, session.split(';')[0], '{ viewer { email } }');
      assert.equal(answer.data?.viewer.email, 'demo@codirector.dev');
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
      await database.drop();
    }
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const page = await newPage(browser());
    await page.goto('/signin');
    await page.getByLabel('Email').fill('demo@codirector.dev');
    await page.getByLabel('Password').fill('codirector-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    assert.ok(session, 'a session cookie is set');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    await page.context().close();
  });
});
