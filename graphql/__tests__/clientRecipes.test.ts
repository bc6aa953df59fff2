import fs from 'node:fs';
import path from 'node:path';

/**
 * docs/clients.md quotes the cache recipes the client suites run (graphql/__tests__/clientCaches.*):
 * each block announced by `<!-- docs/clients/<file> -->` is exactly that file, so what a developer
 * copies from the page is what was tested.
 */
const PAGE = fs.readFileSync(path.join(process.cwd(), 'docs/clients.md'), 'utf8');
const quoted = [...PAGE.matchAll(/<!-- (docs\/clients\/[\w.]+) -->\n\n```\w+\n([\s\S]*?)```/g)].map((match) => [match[1], match[2]] as const);

it('quotes the recipes', () => {
  expect(quoted.map(([file]) => file)).toEqual(expect.arrayContaining(['docs/clients/documents.ts', 'docs/clients/apollo.ts', 'docs/clients/urql.ts']));
});

it.each(quoted)('quotes %s as it is', (file, block) => {
  expect(block).toBe(fs.readFileSync(path.join(process.cwd(), file), 'utf8'));
});
