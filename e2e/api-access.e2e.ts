import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createProject, signUp, uniqueEmail } from './support/app';
import { BASE_URL, newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { prepareOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from './support/ownServer';
import { saveScreenshot } from './support/screenshots';

interface ViewerResponse {
  data?: { viewer: { email: string } } | null;
  errors?: { extensions?: { code?: string } }[];
}

interface GraphQLAnswer<Data> {
  data?: Data | null;
  errors?: { extensions?: { code?: string; requiredScope?: string } }[];
}

async function graphqlWithToken<Data>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<Data>> {
  const response = await fetch(`${BASE_URL}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<Data>;
}

/** What a third-party client sees: the GraphQL API called with a bearer token, no cookie. */
async function viewerWithToken(token: string): Promise<ViewerResponse> {
  const response = await fetch(`${BASE_URL}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { email } }' }),
  });
  return (await response.json()) as ViewerResponse;
}

describe('API access', () => {
  const browser = useBrowser();

  test('a token is created and shown once, works until revoked, and its last use is listed', async () => {
    const page = await newPage(browser());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const email = uniqueEmail('tokens');
    await signUp(page, email);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByText('You have no tokens yet.').waitFor();

    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('The name is empty.').waitFor();

    await page.getByLabel('Token name').fill('Render farm');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByRole('textbox', { name: 'New token' });
    await secret.waitFor();
    const token = await secret.inputValue();
    assert.match(token, /^cds_[0-9A-Za-z]{40}$/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token);
    await saveScreenshot(page, 'tokens-created');

    const row = page.getByRole('table', { name: 'Your tokens' }).getByRole('row', { name: /Render farm/ });
    await row.getByText('Never').waitFor();
    assert.equal(await row.getByText(`${token.slice(0, 10)}…`).count(), 1);

    assert.equal((await viewerWithToken(token)).data?.viewer.email, email);
    await page.reload();
    assert.equal(await page.getByRole('textbox', { name: 'New token' }).count(), 0);
    const lastUsed = row.getByRole('cell').nth(5);
    assert.match((await lastUsed.textContent()) ?? '', /^\d{2}:\d{2}$/);

    await row.getByRole('button', { name: 'Revoke Render farm' }).click();
    await row.getByRole('button', { name: 'Confirm revoke' }).click();
    await row.getByText(/Revoked/).waitFor();
    const refused = await viewerWithToken(token);
    assert.equal(refused.data?.viewer ?? null, null);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    await page.context().close();
  });

  test('a READ token limited to one project for 30 days is listed so, sees only that project, and cannot change it', async () => {
    const page = await newPage(browser());
    await signUp(page, uniqueEmail('scoped'));
    await createProject(page, 'Reachable one');
    await page.goto('/');
    await createProject(page, 'Out of reach');
    await page.goto('/settings/tokens');

    await page.getByLabel('Token name').fill('Dashboard');
    await page.getByRole('radio', { name: /^Read Queries/ }).check();
    await page.getByRole('group', { name: 'Projects' }).getByRole('checkbox', { name: 'Reachable one' }).check();
    await page.getByLabel('Expires after').selectOption({ label: '30 days' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByRole('textbox', { name: 'New token' }).inputValue();

    const row = page.getByRole('table', { name: 'Your tokens' }).getByRole('row', { name: /Dashboard/ });
    await row.getByText('Reachable one').waitFor();
    assert.equal(await row.getByText('Out of reach').count(), 0);
    assert.equal(await row.getByText('Read', { exact: true }).count(), 1);
    assert.equal(await row.getByText('In 30 days').count(), 1);
    await saveScreenshot(page, 'tokens-scoped');

    const listed = await graphqlWithToken<{ viewer: { projects: { edges: { node: { id: string; name: string } }[] } } }>(
      token,
      '{ viewer { projects(first: 10) { edges { node { id name } } } } }',
    );
    const projects = listed.data?.viewer.projects.edges.map((edge) => edge.node) ?? [];
    assert.deepEqual(
      projects.map((project) => project.name),
      ['Reachable one'],
    );

    const refused = await graphqlWithToken(token, 'mutation($id: ID!) { renameProject(input: { projectId: $id, name: "Renamed" }) { project { name } } }', {
      id: projects[0].id,
    });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(refused.errors?.[0]?.extensions?.requiredScope, 'WRITE');
    await page.context().close();
  });

  test('the API explorer runs a query as the signed-in user', async () => {
    const page = await newPage(browser());
    const email = uniqueEmail('explorer');
    await signUp(page, email);
    await page.getByRole('link', { name: 'API explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();

    // The editors load after the page: run once the starter query is in.
    const editor = page.locator('.graphiql-query-editor');
    await eventually(async () => assert.match((await editor.textContent()) ?? '', /query\s*MyProjects/), 30_000);
    await page.getByRole('button', { name: /Execute query/ }).click();
    await eventually(async () => {
      const response = await page.locator('.graphiql-response').textContent();
      assert.ok(response?.includes(email), `The response shows ${email}: ${response}`);
    }, 20_000);
    await saveScreenshot(page, 'explorer');
    await page.context().close();
  });
});

/** Creates a personal access token on the API tokens page and returns its secret. */
async function createTokenInSettings(page: Page, name: string): Promise<string> {
  await page.goto('/settings/tokens');
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByRole('textbox', { name: 'New token' });
  await secret.waitFor();
  return secret.inputValue();
}

describe('API access with GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
  const browser = useBrowser();
  let database: OwnDatabase;
  let server: OwnServer;

  before(async () => {
    database = await prepareOwnDatabase();
    server = await startOwnServer(database, { GRAPHQL_TRUSTED_DOCUMENTS: 'only' });
  });
  after(async () => {
    server?.process.kill('SIGTERM');
    await server?.exited;
    await database?.drop();
  });

  test('the explorer asks for a token, runs a query with one, and the cookie alone runs no ad-hoc query', async () => {
    const page = await newPage(browser(), { baseURL: server.url });
    const email = uniqueEmail('trusted');
    await signUp(page, email);

    const adHoc = await page.request.post('/api/graphql', { data: { query: '{ viewer { email } }' } });
    assert.equal(adHoc.status(), 403);
    assert.equal(((await adHoc.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code, 'TRUSTED_DOCUMENT_REQUIRED');

    const token = await createTokenInSettings(page, 'Explorer');
    await page.getByRole('link', { name: 'API explorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();
    await page.getByText('your sign-in runs only the app’s own operations').waitFor();
    const editor = page.locator('.graphiql-query-editor');
    await eventually(async () => assert.match((await editor.textContent()) ?? '', /query\s*MyProjects/), 30_000);

    // The Headers tab is open with a placeholder token: run as is, the server says the token is not one.
    const headers = page.locator('section.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    await eventually(async () => assert.match((await headers.textContent()) ?? '', /cds_paste-your-token-here/), 20_000);
    await page.getByRole('button', { name: /Execute query/ }).click();
    const response = page.locator('.graphiql-response');
    await eventually(async () => assert.match((await response.textContent()) ?? '', /UNAUTHENTICATED/), 20_000);

    await headers.locator('.monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(`{ "Authorization": "Bearer ${token}" }`);
    // The editor may have auto-closed a bracket or quote after the cursor: drop whatever follows.
    await page.keyboard.press('Shift+ControlOrMeta+End');
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: /Execute query/ }).click();
    await eventually(async () => {
      const text = await response.textContent();
      assert.ok(text?.includes(email), `The response shows ${email}: ${text}`);
    }, 20_000);
    await saveScreenshot(page, 'explorer-trusted-documents');
    await page.context().close();
  });
});
