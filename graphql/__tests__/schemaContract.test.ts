import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLInputField } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/lib/listKeys';
import { CLIENT_MESSAGE_ID_MAX_LENGTH, INSTRUCTION_MAX_LENGTH, NAME_MAX_LENGTH } from '@/lib/validation';
import { ErrorCode } from '@/server/errors';
import { SEARCH_QUERY_MAX_LENGTH } from '@/server/inputs';
import { typeDefs } from '../__generated__/typeDefs';
import { NODE_TYPES, toGlobalId, type IdType } from '../ids';
import { QUERY_LIMITS } from '../limits';

/*
 * The SDL is the API's documentation: what it promises (limits, error codes) is checked here
 * against the code that enforces it, and graphql-schema-linter's rules hold (`npm run lint:schema`).
 */

const ROOT = path.resolve(__dirname, '../..');
const SDL = readFileSync(path.join(ROOT, 'graphql/schema.graphql'), 'utf8');
const schema = buildSchema(SDL);
const mutation = schema.getMutationType()!;

/** How the SDL writes a number (4,000): descriptions are prose. */
const written = (value: number) => value.toLocaleString('en-US');
/** A description as one line: the SDL wraps its prose anywhere. */
const prose = (description: string | null | undefined) => (description ?? '').replace(/\s+/g, ' ');

describe('graphql-schema-linter', () => {
  it('finds no violation in graphql/schema.graphql', async () => {
    const cli = path.join(ROOT, 'node_modules/graphql-schema-linter/lib/cli.js');
    const run = promisify(execFile)(process.execPath, [cli, '--format', 'json'], { cwd: ROOT });
    // The linter exits 1 when it finds anything; its JSON report says what.
    const output = await run.then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const report = JSON.parse(output) as { errors: { message: string; rule: string; location: { line: number } }[] };
    expect(report.errors.map((error) => `${error.location.line}: ${error.message} (${error.rule})`)).toEqual([]);
  });

  it('runs every built-in rule except the alphabetical-ordering ones', () => {
    const builtIn = readdirSync(path.join(ROOT, 'node_modules/graphql-schema-linter/lib/rules'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => file.replace(/\.js$/, '').replace(/_/g, '-'));
    const configured = (JSON.parse(readFileSync(path.join(ROOT, '.graphql-schema-linterrc'), 'utf8')) as { rules: string[] }).rules;
    expect([...configured].sort()).toEqual(builtIn.filter((rule) => !rule.endsWith('-sorted-alphabetically')).sort());
  });

  it('lints the schema the server runs', () => {
    expect(typeDefs).toBe(SDL);
  });
});

describe('the schema states the limits the code enforces', () => {
  const inputField = (type: string, field: string): GraphQLInputField => {
    const input = schema.getType(type);
    if (!isInputObjectType(input)) throw new Error(`${type} is not an input type`);
    return input.getFields()[field];
  };

  it('names and titles: 1 to NAME_MAX_LENGTH characters', () => {
    const nameFields = [
      inputField('CreateProjectInput', 'name'),
      inputField('RenameProjectInput', 'name'),
      inputField('RenameSessionInput', 'title'),
      inputField('CreateAccessTokenInput', 'name'),
    ];
    for (const field of nameFields) expect(prose(field.description)).toContain(`1 to ${NAME_MAX_LENGTH} characters after trimming`);
  });

  it('instructions: 1 to INSTRUCTION_MAX_LENGTH characters, and the clientMessageId limit', () => {
    expect(prose(inputField('SendMessageInput', 'content').description)).toContain(`1 to ${written(INSTRUCTION_MAX_LENGTH)} characters`);
    expect(prose(inputField('SendMessageInput', 'clientMessageId').description)).toContain(`1 to ${CLIENT_MESSAGE_ID_MAX_LENGTH} characters`);
    expect(prose(mutation.getFields().sendMessage.description)).toContain(`over ${written(INSTRUCTION_MAX_LENGTH)} characters`);
    expect(prose(mutation.getFields().sendMessage.description)).toContain(`over ${CLIENT_MESSAGE_ID_MAX_LENGTH} characters`);
  });

  it('search: 1 to SEARCH_QUERY_MAX_LENGTH characters', () => {
    const sessions = (schema.getType('Project') as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields().sessions;
    expect(sessions.args.find((argument) => argument.name === 'query')?.description).toContain(`1 to ${SEARCH_QUERY_MAX_LENGTH} characters`);
  });

  it('every connection argument: 0 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE by default', () => {
    const pageSizeArguments: [string, GraphQLArgument][] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          if (argument.name === 'first' || argument.name === 'last') pageSizeArguments.push([`${type.name}.${field.name}`, argument]);
        }
      }
    }
    expect(pageSizeArguments.length).toBeGreaterThanOrEqual(6);
    for (const [, argument] of pageSizeArguments) {
      expect(prose(argument.description)).toContain(`0 to ${MAX_PAGE_SIZE}`);
      if (argument.name === 'first') {
        expect(argument.defaultValue).toBe(DEFAULT_PAGE_SIZE);
        expect(prose(argument.description)).toContain(`${DEFAULT_PAGE_SIZE} when neither`);
      }
    }
    expect(prose(schema.getQueryType()?.getFields().nodes.description)).toContain(`Up to ${MAX_PAGE_SIZE} objects`);
  });

  it('the request limits', () => {
    const description = prose(schema.description);
    expect(description).toContain(`depth over ${QUERY_LIMITS.depth}`);
    expect(description).toContain(`more than ${QUERY_LIMITS.aliases} aliases`);
    expect(description).toContain(`${QUERY_LIMITS.directives} directives`);
    expect(description).toContain(`more than ${written(QUERY_LIMITS.tokens)} tokens) is GRAPHQL_PARSE_FAILED`);
    expect(description).toContain(`more than ${written(QUERY_LIMITS.nodes)} nodes`);
  });

  it('the length of global ids', () => {
    const uuid = '0b7e4a4e-7f8a-4c55-9d3e-2f0c1b2a3d4e';
    const types: IdType[] = [...NODE_TYPES, 'Clip', 'Timeline'];
    const lengths = types.map((type) => toGlobalId(type, uuid).length);
    expect(prose(schema.description)).toContain(`${Math.min(...lengths)} to ${Math.max(...lengths)} characters`);
  });
});

describe('every mutation states the error codes it can return', () => {
  const knownCodes = new Set<string>([...Object.values(ErrorCode), 'QUERY_TOO_COMPLEX', 'BAD_REQUEST']);
  const mutations = Object.values(mutation.getFields());
  const errorsOf = (field: GraphQLField<unknown, unknown>) => prose(field.description).split('Errors:')[1] ?? '';

  it.each(mutations.map((field) => [field.name, field] as const))('%s', (_name, field) => {
    const stated = errorsOf(field).match(/\b[A-Z][A-Z_]{3,}\b/g) ?? [];
    expect(stated.length).toBeGreaterThan(0);
    for (const code of stated) expect(knownCodes).toContain(code);
    // Each takes an id or a name from its input, so each can refuse it.
    expect(stated).toContain('BAD_USER_INPUT');
    const input = getNamedType(field.args[0].type);
    if (
      isInputObjectType(input) &&
      Object.keys(input.getFields()).some((name) => name.endsWith('Id') && name !== 'clientMutationId' && name !== 'clientMessageId')
    ) {
      expect(stated).toContain('NOT_FOUND');
    }
  });

  it('names every input field BAD_USER_INPUT can name', () => {
    for (const field of mutations) {
      const input = getNamedType(field.args[0].type);
      if (!isInputObjectType(input)) continue;
      const validated = Object.values(input.getFields()).filter(
        (inputField) => inputField.name !== 'clientMutationId' && inputField.name !== 'restoreTimeline',
      );
      for (const inputField of validated) expect([field.name, errorsOf(field)]).toEqual([field.name, expect.stringContaining(`\`${inputField.name}\``)]);
    }
  });

  it('states the codes every operation shares in the schema description', () => {
    for (const code of ['UNAUTHENTICATED', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']) {
      expect(prose(schema.description)).toContain(code);
    }
  });
});
