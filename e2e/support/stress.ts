import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createProject, signUp, uniqueEmail } from './app';

/** The worst a user's text gets: names and titles at their 120-character cap, a 300-character word. */
export const LONG_PROJECT_NAME = `A documentary about the longest tram line in Lisbon and every neighbourhood it passes through ${'x'.repeat(26)}`;
export const LONG_SESSION_TITLE = `Colour grading pass for the sunset timelapse with warmer highlights and softer shadows everywhere ${'y'.repeat(22)}`;
export const LONG_WORD = `https://example.com/${'a'.repeat(280)}`;
export const LONG_TOKEN_NAME = `render-farm-${'z'.repeat(108)}`;
export const CLIP_COUNT = 40;

/** Runs a GraphQL operation as the page's signed-in user (its cookies), failing on any error. */
export async function graphqlAsPage<Data>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await page.request.post('/api/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as Data;
}

/**
 * A new user whose project has a 120-character name, a 40-clip timeline and a current session
 * titled with 120 characters holding a 300-character unbroken word, and who has an API token
 * with a 120-character unbroken name. Returns the project's path.
 */
export async function userWithStressProject(page: Page, label: string): Promise<string> {
  assert.equal(LONG_PROJECT_NAME.length, 120);
  assert.equal(LONG_SESSION_TITLE.length, 120);
  await signUp(page, uniqueEmail(label));
  await createProject(page, LONG_PROJECT_NAME);
  const projectPath = new URL(page.url()).pathname;

  const { viewer } = await graphqlAsPage<{ viewer: { projects: { edges: { node: { id: string } }[] } } }>(
    page,
    '{ viewer { projects(first: 1) { edges { node { id } } } } }',
  );
  const projectId = viewer.projects.edges[0].node.id;
  const { startSession } = await graphqlAsPage<{ startSession: { session: { id: string } } }>(
    page,
    'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
    { id: projectId },
  );
  const sessionId = startSession.session.id;
  const say = (content: string) =>
    graphqlAsPage<{ sendMessage: { timeline: { clips: unknown[] } } }>(
      page,
      'mutation($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { timeline { clips { name } } } }',
      { id: sessionId, content },
    );
  let clips = 0;
  for (let card = 1; clips < CLIP_COUNT; card += 1) {
    clips = (await say(`Add a title card that says “Chapter ${card}”`)).sendMessage.timeline.clips.length;
  }
  await say(`Look at ${LONG_WORD}`);
  await graphqlAsPage(page, 'mutation($id: ID!, $title: String!) { renameSession(input: { sessionId: $id, title: $title }) { session { id } } }', {
    id: sessionId,
    title: LONG_SESSION_TITLE,
  });
  await graphqlAsPage(page, 'mutation($name: String!) { createAccessToken(input: { name: $name, scopes: [READ] }) { token } }', { name: LONG_TOKEN_NAME });
  await page.goto(projectPath);
  return projectPath;
}
