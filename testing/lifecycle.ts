/** Anything a test starts and must close again: a server, a fake, a proxy. */
export interface Closable {
  close(): Promise<void> | void;
}

/**
 * Starts a resource before all tests of the calling block (the file, or the describe it is called
 * in) and closes it after them. The getter returns it inside tests and later hooks.
 */
export function startedForAllTests<Resource extends Closable>(start: () => Promise<Resource>): () => Resource {
  return startedAround(beforeAll, afterAll, start);
}

/** Like startedForAllTests, but a fresh one for each test, closed after it. */
export function startedForEachTest<Resource extends Closable>(start: () => Promise<Resource>): () => Resource {
  return startedAround(beforeEach, afterEach, start);
}

function startedAround<Resource extends Closable>(
  before: (hook: () => Promise<void>) => void,
  after: (hook: () => Promise<void>) => void,
  start: () => Promise<Resource>,
): () => Resource {
  let resource: Resource | undefined;
  before(async () => {
    resource = await start();
  });
  after(async () => {
    const started = resource;
    resource = undefined;
    await started?.close();
  });
  return () => {
    if (!resource) throw new Error('Not started: read it inside a test or a hook that runs after the one that starts it.');
    return resource;
  };
}
