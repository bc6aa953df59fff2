import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { startSession } from '@/db/sessions';
import { runInstruction } from '@/server/instructions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, setUpApiServer, tokenFor } from './support/api';

/**
 * Every API example in README.md and docs/ runs as written: each `graphql` block is exactly one
 * operation and answers without errors, and each `sh` block that calls the API runs with a
 * real token against a test server. A documentation edit that breaks one fails here.
 */
setUpTestDatabase();

const DOCUMENTS = [
  'README.md',
  ...fs
    .readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name)),
];
const DOCS = DOCUMENTS.map((file) => fs.readFileSync(path.join(process.cwd(), file), 'utf8')).join('\n');
const blocks = (language: string) => [...DOCS.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
const graphqlExamples = blocks('graphql');
const apiShellExamples = blocks('sh').filter((block) => block.includes('/api/graphql'));

const server = setUpApiServer();
let api: ApiClient;
let token: string;
let fixtures: { projectId: string; sessionId: string; messageId: string };

beforeAll(async () => {
  const { user, project } = await makeUserWithProject();
  token = (await tokenFor(user)).token;
  api = new ApiClient(server().url).as({ token });
  const session = await startSession(user.id, project.id);
  const first = await runInstruction({ session, content: 'make the intro a bit longer' });
  await runInstruction({ session, content: 'mute the outro' });
  fixtures = {
    projectId: toGlobalId('Project', project.id),
    sessionId: toGlobalId('Session', session.id),
    messageId: toGlobalId('Message', first.userMessage.id),
  };
});
it('has API examples to run', () => {
  expect(graphqlExamples.length).toBeGreaterThanOrEqual(6);
  expect(apiShellExamples.length).toBeGreaterThanOrEqual(1);
});

it.each(graphqlExamples.map((example) => [example.split('\n')[0], example]))('runs `%s` as written', async (_firstLine, example) => {
  const document = parse(example);
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  expect(operations).toHaveLength(1);
  const wanted = operations[0].variableDefinitions?.map((definition) => definition.variable.name.value) ?? [];
  const values: Record<string, unknown> = { ...fixtures, clientMessageId: randomUUID(), basis: null };
  const variables = Object.fromEntries(wanted.map((name) => [name, values[name]]));
  expect(wanted.filter((name) => !(name in values))).toEqual([]);
  const result = await api.request(example, variables);
  expect(codes(result)).toEqual([]);
});

it.each(apiShellExamples.map((example) => [example.split('\n')[0], example]))('runs the shell example `%s` as written', async (_firstLine, example) => {
  const script = example.replaceAll('http://localhost:3000/api/graphql', server().url).replace(/^TOKEN=.*$/m, '');
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { env: { ...process.env, TOKEN: token } });
  const answer = JSON.parse(stdout) as { data?: unknown; errors?: unknown[] };
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toBeTruthy();
});
