import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO, PASSWORD, createProject, signIn, signUp, uniqueEmail } from './support/app';
import { newPage, useBrowser } from './support/browser';
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
    const page = await newPage(browser());
    await signIn(page, DEMO.email, DEMO.password);
    await page.getByRole('link', { name: DEMO.project }).click();
    await page.waitForURL(/\/projects\//);
    const projectPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.goto(projectPath);
    await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('callbackUrl') === projectPath);

    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === projectPath);
    await page.getByRole('heading', { level: 1, name: DEMO.project }).waitFor();
    await page.context().close();
  });

  test('sign out ends the session: pages ask to sign in again', async () => {
    const page = await newPage(browser());
    await signUp(page, uniqueEmail('signout'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
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
