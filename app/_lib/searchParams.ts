export type SearchParams = Record<string, string | string[] | undefined>;

/** A query parameter's value; the first one when it is repeated. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
