import { buildSchema, executeSync, parse, type GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../selection';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean hasPreviousPage: Boolean endCursor: String }
  type Connection { pageInfo: PageInfo total: Int }
  type Query { list: Connection }
`);

/** Runs the query and returns what selectedFieldNames saw from the `list` resolver. */
function seen(query: string, path: string[]): string[] {
  let names: Set<string> = new Set();
  executeSync({
    schema,
    document: parse(query),
    rootValue: {
      list: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        names = selectedFieldNames(info, path);
        return null;
      },
    },
  });
  return [...names].sort();
}

describe('selectedFieldNames', () => {
  it('lists the fields selected directly', () => {
    expect(seen('{ list { total pageInfo { hasNextPage endCursor } } }', ['pageInfo'])).toEqual(['endCursor', 'hasNextPage']);
    expect(seen('{ list { total pageInfo { hasNextPage } } }', [])).toEqual(['pageInfo', 'total']);
  });

  it('looks through fragment spreads and inline fragments at every level', () => {
    const query = `{ list { ...Page pageInfo { endCursor } } }
      fragment Page on Connection { pageInfo { ... on PageInfo { hasPreviousPage } ...Next } }
      fragment Next on PageInfo { hasNextPage }`;
    expect(seen(query, ['pageInfo'])).toEqual(['endCursor', 'hasNextPage', 'hasPreviousPage']);
  });

  it('follows aliases to the field they name', () => {
    expect(seen('{ list { info: pageInfo { more: hasNextPage } } }', ['pageInfo'])).toEqual(['hasNextPage']);
  });

  it('is empty when nothing is selected at the path', () => {
    expect(seen('{ list { total } }', ['pageInfo'])).toEqual([]);
  });
});
