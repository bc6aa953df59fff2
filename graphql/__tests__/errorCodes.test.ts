import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ErrorCode } from '@/server/errors';

/**
 * Every `extensions.code` a client can meet is in docs/api.md's table of errors: the use cases'
 * codes, the codes Apollo answers malformed requests with, and every code literal the API's own
 * refusals write (graphql/, lib/http/, the API routes). A new refusal without a row fails here.
 */
const ROOT = process.cwd();
const SOURCES = ['graphql', 'lib/http', 'app/api/graphql'];
const REFUSAL_LITERALS = [/code: '([A-Z][A-Z_]+)'/g, /errorEnvelopeResponse\(\s*\d+,\s*'([A-Z][A-Z_]+)'/g, /export const [A-Z_]+ = '([A-Z][A-Z_]+)';/g];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === '__tests__' || name === '__generated__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function codesWrittenIn(files: string[]): Set<string> {
  const codes = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of REFUSAL_LITERALS) for (const match of text.matchAll(pattern)) codes.add(match[1]);
  }
  return codes;
}

function documentedCodes(): Set<string> {
  const api = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const table = api.slice(api.indexOf('**Errors** carry `extensions.code`'));
  return new Set([...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]));
}

it('docs/api.md lists every error code the API answers with', () => {
  const answered = new Set([
    ...Object.values(ErrorCode),
    ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
    ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
    ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
    ...codesWrittenIn(SOURCES.flatMap(sourceFiles)),
  ]);
  // The scan reads the refusals it should: the stream route's and the body reader's among them.
  for (const code of ['METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'QUERY_TOO_COMPLEX', 'TRUSTED_DOCUMENT_REQUIRED'])
    expect(answered).toContain(code);
  const documented = documentedCodes();
  expect([...answered].filter((code) => !documented.has(code)).sort()).toEqual([]);
});
