// Import directions between the app's folders, checked by `npm run lint:layers` and testing/__tests__/layers.test.ts.
// Production code follows the layers; lib's tests too. Other tests (and testing/) may reach any layer, since they
// drive the app through its routes and use cases: they are cruised as leaves, so their imports are not followed.

/** Test files outside lib/ (integration tests) and the test harness: not followed. */
const INTEGRATION_TESTS = ['^testing/', '^(?!lib/)[^]*(/__tests__/|\\.test\\.tsx?$)'];
const TEST_CODE = '(^|/)__tests__/|\\.test\\.tsx?$|^(testing|e2e|bench)/';
/** The data layer's one folder per entity (docs/architecture.md). */
const ENTITY_FOLDERS = '^db/(edits|sessions|messages|projects)/';

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment: 'lib/ is pure logic (timeline model, interpreter, cursors...): usable and testable without a database or a request.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(db|server|graphql|app|components)/' },
    },
    {
      name: 'db-uses-only-lib',
      comment: 'db/ is data access: typed queries over the schema, built only on lib/; use cases belong in server/.',
      severity: 'error',
      from: { path: '^db/' },
      to: { pathNot: '^(db|lib|node_modules)/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'entity-folders-through-their-index',
      comment:
        "db/edits, db/sessions, db/messages and db/projects are read through their index.ts: what a folder keeps inside (rows, SQL) can change without its callers' knowing.",
      severity: 'error',
      from: { pathNot: ['^db/[^/]+/', TEST_CODE] },
      to: { path: ENTITY_FOLDERS, pathNot: '/index\\.ts$' },
    },
    {
      name: 'entity-folders-through-their-index-in-db',
      comment: 'The same between the entity folders: one reads another through its index.ts.',
      severity: 'error',
      from: { path: '^db/([^/]+)/', pathNot: TEST_CODE },
      to: { path: ENTITY_FOLDERS, pathNot: ['^db/$1/', '/index\\.ts$'] },
    },
    {
      name: 'server-below-adapters',
      comment: 'server/ holds the use cases every adapter (GraphQL, routes, pages, actions) shares, so it knows none of them.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(graphql|app|components)/' },
    },
    {
      name: 'graphql-below-app',
      comment: 'graphql/ is one adapter over server/: the routes in app/ mount it, not the other way round.',
      severity: 'error',
      from: { path: '^graphql/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-without-data',
      comment: 'components/ render what app/ passes them and call the API: no database, use cases or routes (they ship to the browser).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(db|server|app)/' },
    },
    {
      name: 'proxy-uses-only-lib',
      comment: 'proxy.ts runs before every request: headers and redirects from pure code, no data access.',
      severity: 'error',
      from: { path: '^proxy\\.ts$' },
      to: { path: '^(db|server|graphql|app|components)/' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'The app never loads tests, the test harness or the e2e and bench tools.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: TEST_CODE },
    },
    {
      name: 'no-circular',
      comment: 'A module cycle has no order to read, test or load it in.',
      severity: 'error',
      to: { circular: true },
      from: {},
    },
    {
      name: 'no-circular-folders',
      comment: 'Folders form layers too: two folders that import each other are one folder in two places.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    exclude: { path: '^(node_modules|\\.git|\\.next|\\.next-bench|\\.data|bench/out)/' },
    doNotFollow: { path: ['(^|/)node_modules/', ...INTEGRATION_TESTS] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: they tie layers together as much as any other.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'],
    },
  },
};

export default config;
