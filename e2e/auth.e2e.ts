import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO, PASSWORD, createProject, signIn, signUp, uniqueEmail } from './support/app';
import { BASE_URL, newContext, newPage, useBrowser } from './support/browser';
import { graphql } from './support/ownServer';
import { eventually } from './support/eventually';
import { saveScreenshot } from './support/screenshots';

describe('accounts', () => {
  const browser = useBrowser();

  test('sign up shows problems inline, then signs the new user in', async () => {
    const page = await newPage(browser());
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter an email address like name@example.com.').waitFor();
    await page.getByText('Use at least 8 characters.').waitFor();
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    await saveScreenshot(page, 'signup-errors');

    const email = uniqueEmail('signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();
    await page.getByText(email).waitFor();
    await page.context().close();
  });

  test('sign up refuses an email that already has an account', async () => {
    const page = await newPage(browser());
    await page.goto('/signup');
    await page.getByLabel('Email').fill(DEMO.email.toUpperCase());
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('An account with this email already exists. Sign in instead.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/signup');
    await page.context().close();
  });

  test('a wrong password is refused with one generic message, then the right one signs in', async () => {
    const page = await newPage(browser());
    await page.goto('/signin');
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next's route announcer is an alert too; ours is the one with text.
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    assert.equal(await alert.textContent(), 'Wrong email or password.');
    await saveScreenshot(page, 'signin-wrong-password');

    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(async () => assert.equal(await page.getByRole('button', { name: 'Sign in' }).isEnabled(), true));
    assert.equal(await alert.textContent(), 'Wrong email or password.');

    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: DEMO.project }).waitFor();
    await page.context().close();
  });

  test('a signed-out visit to a project asks to sign in and then returns to it', async () => {
    // A user of its own: signing out ends every auth session of the user, and other files sign in as the demo user.
    const page = await newPage(browser());
    const email = uniqueEmail('returns');
    await signUp(page, email);
    await createProject(page, 'returns project');
    const projectPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.goto(projectPath);
    await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('callbackUrl') === projectPath);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === projectPath);
    await page.getByRole('heading', { level: 1, name: 'returns project' }).waitFor();
    await page.context().close();
  });

  test('sign out ends the session on the server: the old cookie is refused by pages and the API', async () => {
    const page = await newPage(browser());
    await signUp(page, uniqueEmail('signout'));
    const cookies = await page.context().cookies();
    const sessionCookie = cookies.find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    assert.ok(sessionCookie);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Someone who copied the cookie before sign-out gets nothing with it.
    const copy = await newContext(browser());
    await copy.addCookies([sessionCookie]);
    const thief = await copy.newPage();
    await thief.goto('/');
    await thief.waitForURL((url) => url.pathname === '/signin');
    const api = await graphql<{ viewer: unknown }>(BASE_URL, `${sessionCookie.name}=${sessionCookie.value}`, '{ viewer { email } }');
    assert.equal(api.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    await page.context().close();
    await copy.close();
  });

  test('"Sign out everywhere" in settings ends the sessions of every device at once', async () => {
    const laptop = await newPage(browser());
    const email = uniqueEmail('everywhere');
    await signUp(laptop, email);
    const phone = await newPage(browser());
    await signIn(phone, email, PASSWORD);

    await phone.goto('/settings/tokens');
    await phone.getByRole('button', { name: 'Sign out everywhere' }).click();
    await phone.waitForURL((url) => url.pathname === '/signin');
    await saveScreenshot(phone, 'signed-out-everywhere');

    await laptop.reload();
    await laptop.waitForURL((url) => url.pathname === '/signin');
    await signIn(laptop, email, PASSWORD);
    await laptop.getByRole('heading', { name: 'Your projects' }).waitFor();
    await laptop.context().close();
    await phone.context().close();
  });

  test('signing in with a callbackUrl that points elsewhere ends on this origin', async () => {
    const page = await newPage(browser());
    const email = uniqueEmail('redirect');
    await signUp(page, email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    for (const callbackUrl of ['/\t/evil.example', '/%09/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/']) {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname !== '/signin');
      assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin, `${JSON.stringify(callbackUrl)} led to ${page.url()}`);
      await page.context().clearCookies();
    }
    await page.context().close();
  });

  test("another user's project is an ordinary not-found page", async () => {
    const owner = await newPage(browser());
    await signUp(owner, uniqueEmail('owner'));
    await createProject(owner, 'Private cut');
    const projectPath = new URL(owner.url()).pathname;

    const stranger = await newPage(browser());
    await signUp(stranger, uniqueEmail('stranger'));
    const response = await stranger.goto(projectPath);
    assert.equal(response?.status(), 404);
    await stranger.getByRole('heading', { name: 'This page could not be found' }).waitFor();
    assert.equal(await stranger.getByText('Private cut').count(), 0);

    const malformed = await stranger.goto('/projects/not-a-project-id');
    assert.equal(malformed?.status(), 404);
    await owner.context().close();
    await stranger.context().close();
  });
});
