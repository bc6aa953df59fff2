/**
 * Where a sign-in may send the browser afterwards: `value` read by the WHATWG URL parser (what
 * browsers use) against `origin`; its path and query when it stays on `origin`, else `/`.
 * Browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example` or `/\evil.example`
 * is another host to them; only the parser's own answer is trusted. A path that would itself
 * start with `//` is refused too: as a Location it would name a host.
 */
export function sameOriginPath(value: string | null | undefined, origin: string): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}`;
}
