import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseInstant(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('A DateTime must be an ISO-8601 string such as 2026-01-31T09:30:00.000Z.');
  }
  return date;
}

export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (!(value instanceof Date)) throw new GraphQLError('DateTime fields must resolve to a Date.');
    return value.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : null),
});
