import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO, uniqueEmail } from './support/app';
import { csrfPair, graphql, postCredentials, prepareOwnDatabase, startOwnServer } from './support/ownServer';
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

  test('40 parallel wrong passwords on one account, half as JSON bodies: 10 are checked, 30 get 429', async () => {
    const email = uniqueEmail('parallel');
    const asJson = async (index: number) => {
      const { csrfToken, cookie } = await csrfPair(BASE_URL);
      return fetch(`${BASE_URL}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ email, password: `wrong-${index}`, csrfToken, json: 'true' }),
      });
    };
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 ? asJson(index) : postCredentials(BASE_URL, email, `wrong-${index}`))),
    );
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 429).length, 30, statuses.join(' '));
    assert.equal(statuses.filter((status) => status === 401).length, 10, statuses.join(' '));
    const refused = responses.find((response) => response.status === 429)!;
    assert.match(((await refused.json()) as { error: string }).error, /Try again in (1 minute|\d+ minutes)\./);
  });

  test('a repeated email field is refused, so it cannot name one account to count and another to check', async () => {
    const { csrfToken, cookie } = await csrfPair(BASE_URL);
    const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: `email=${encodeURIComponent(uniqueEmail('decoy'))}&email=${encodeURIComponent(DEMO.email)}&password=guess&csrfToken=${csrfToken}&json=true`,
    });
    assert.equal(response.status, 400);
  });

  test('hostile sign-in bodies get 400 or 401, never 500', async () => {
    const { csrfToken, cookie } = await csrfPair(BASE_URL);
    const form = (email: string, password: string) => ({
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ email, password, csrfToken, json: 'true' }).toString(),
    });
    const json = (body: Record<string, unknown>) => ({ type: 'application/json', body: JSON.stringify({ csrfToken, json: 'true', ...body }) });
    const cases = [
      ['a NUL byte in the email', form('demo\u0000@codirector.dev', 'whatever-password'), 401],
      ['a zero-width space in the email', form('demo\u200b@codirector.dev', DEMO.password), 401],
      ['an email of 3 KB', form(`${'a'.repeat(3 * 1024)}@example.com`, 'whatever-password'), 400],
      ['an email of 1 MB', form(`${'a'.repeat(1024 * 1024)}@example.com`, 'whatever-password'), 400],
      ['a password of 1 MB', form(DEMO.email, 'x'.repeat(1024 * 1024)), 400],
      ['an email that is an array', json({ email: [DEMO.email], password: DEMO.password }), 400],
      ['a password that is an object', json({ email: DEMO.email, password: { $ne: '' } }), 400],
      ['malformed JSON', { type: 'application/json', body: '{"email":' }, 400],
    ] as const;
    for (const [label, { type, body }, expected] of cases) {
      const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': type, cookie },
        body,
      });
      assert.equal(response.status, expected, label);
    }
  });

  test('after sign-in, a callbackUrl that browsers would read as another host lands on this origin', async () => {
    const origin = new URL(BASE_URL).origin;
    const payloads = [
      '/%09/evil.example',
      '/%0A/evil.example',
      '/%0D/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '%2F%2Fevil.example',
      '／／evil.example',
      'https://evil.example/',
      'http://evil.example@127.0.0.1.evil.example/',
      '/projects/..//evil.example',
    ];
    for (const callbackUrl of payloads) {
      for (const json of [false, true]) {
        const response = await postCredentials(BASE_URL, DEMO.email, DEMO.password, { callbackUrl, json });
        const target = json ? ((await response.json()) as { url: string }).url : response.headers.get('location');
        assert.ok(target, `${JSON.stringify(callbackUrl)}: answered ${response.status} without a target`);
        assert.equal(new URL(target, BASE_URL).origin, origin, `${JSON.stringify(callbackUrl)} led to ${target}`);
        assert.doesNotMatch(target, /[\t\r\n\\]/);
      }
    }
  });

  test("the client address is the connection's, or the one TRUSTED_PROXY_HOPS proxies vouch for; never one the client sends", async () => {
    const database = await prepareOwnDatabase();
    try {
      const attemptsFrom = async (url: string, forwardedFor: (index: number) => string) => {
        const statuses = [];
        for (let index = 0; index < 4; index += 1) {
          const response = await postCredentials(url, uniqueEmail('address'), 'wrong-password', { headers: { 'x-forwarded-for': forwardedFor(index) } });
          statuses.push(response.status);
        }
        return statuses;
      };
      const direct = await startOwnServer(database, { RATE_LIMIT_SIGNIN_PER_IP: '3' });
      try {
        // A client that makes up a new X-Forwarded-For each time is still one connection address.
        assert.deepEqual(await attemptsFrom(direct.url, (index) => `198.51.100.${index}`), [401, 401, 401, 429]);
      } finally {
        direct.process.kill('SIGTERM');
        await direct.exited;
      }
      const proxied = await startOwnServer(database, { RATE_LIMIT_SIGNIN_PER_IP: '3', TRUSTED_PROXY_HOPS: '1' });
      try {
        // Behind one proxy, each client the proxy names has a count of its own, whatever it claimed before that.
        assert.deepEqual(await attemptsFrom(proxied.url, (index) => `6.6.6.6, 203.0.113.${index}`), [401, 401, 401, 401]);
        assert.deepEqual(await attemptsFrom(proxied.url, (index) => `${index}.${index}.${index}.${index}, 203.0.113.200`), [401, 401, 401, 429]);
      } finally {
        proxied.process.kill('SIGTERM');
        await proxied.exited;
      }
    } finally {
      await database.drop();
    }
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
