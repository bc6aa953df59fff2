import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ICruiseResult, IViolation } from 'dependency-cruiser';

/**
 * The import directions of .dependency-cruiser.mjs (npm run lint:layers): the tree keeps them,
 * and a tree that breaks each one is caught, so removing or loosening a rule fails here too.
 */

const CONFIG = join(process.cwd(), '.dependency-cruiser.mjs');

// dependency-cruiser exports only an `import` condition, which Jest's resolver does not match: Node's own import() loads it.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is a constant import(), out of reach of Jest's transform.
const nodeImport = new Function('specifier', 'return import(specifier)') as <Module>(specifier: string) => Promise<Module>;

async function cruiseTree(baseDir: string, tsConfigFile?: string): Promise<ICruiseResult> {
  const { cruise } = await nodeImport<typeof import('dependency-cruiser')>('dependency-cruiser');
  const { default: extractDepcruiseOptions } = await nodeImport<typeof import('dependency-cruiser/config-utl/extract-depcruise-options')>(
    'dependency-cruiser/config-utl/extract-depcruise-options',
  );
  const { default: extractTSConfig } = await nodeImport<typeof import('dependency-cruiser/config-utl/extract-ts-config')>(
    'dependency-cruiser/config-utl/extract-ts-config',
  );
  const options = await extractDepcruiseOptions(CONFIG);
  if (!tsConfigFile) delete options.tsConfig;
  const result = await cruise(
    ['.'],
    { ...options, baseDir, outputType: 'json' },
    undefined,
    tsConfigFile ? { tsConfig: extractTSConfig(join(baseDir, tsConfigFile)) } : undefined,
  );
  return (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as ICruiseResult;
}

const describeViolation = (violation: IViolation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`;

describe('the layers', () => {
  it('are kept by the whole tree', async () => {
    const { modules, summary } = await cruiseTree(process.cwd(), 'tsconfig.json');
    expect(summary.violations.map(describeViolation)).toEqual([]);
    // Every layer was read, through the @/ paths of tsconfig.json.
    const sources = new Set(modules.map((module) => module.source));
    for (const layer of [
      'lib/timeline/model.ts',
      'db/schema.ts',
      'server/access.ts',
      'graphql/schema.ts',
      'components/timeline/Timeline.tsx',
      'app/layout.tsx',
    ]) {
      expect(sources).toContain(layer);
    }
    const unresolved = modules.flatMap((module) =>
      module.dependencies.filter((dependency) => dependency.couldNotResolve && dependency.module.startsWith('@/')),
    );
    expect(unresolved).toEqual([]);
  });

  describe('catch a tree that breaks them', () => {
    let root: string;

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'layers-'));
      const files: Record<string, string> = {
        'lib/pure.ts': `import { row } from '../db/rows';\nexport const pure = row;\n`,
        'lib/first.ts': `import { second } from './second';\nexport const first = () => second;\n`,
        'lib/second.ts': `import { first } from './first';\nexport const second = () => first;\n`,
        'lib/__tests__/pure.test.ts': `import { row } from '../../db/rows';\nexport const tested = row;\n`,
        'db/rows.ts': `import { useCase } from '../server/useCase';\nexport const row = useCase;\n`,
        'server/useCase.ts': `import { resolver } from '../graphql/resolver';\nexport const useCase = resolver;\n`,
        'server/__tests__/useCase.test.ts': `import { route } from '../../app/route';\nexport const tested = route;\n`,
        'graphql/resolver.ts': `import { route } from '../app/route';\nexport const resolver = route;\n`,
        'app/route.ts': `import { factory } from '../testing/factory';\nexport const route = factory;\n`,
        'testing/factory.ts': `export const factory = 1;\n`,
        'components/View.tsx': `import { useCase } from '../server/useCase';\nexport const View = useCase;\n`,
        'components/left/one.ts': `import { two } from '../right/two';\nexport const one = two;\n`,
        'components/right/two.ts': `import { three } from '../left/three';\nexport const two = three;\n`,
        'components/left/three.ts': `export const three = 3;\n`,
        'proxy.ts': `import { row } from './db/rows';\nexport const proxy = row;\n`,
        'db/sessions/index.ts': `export { listed } from './listed';\n`,
        'db/sessions/listed.ts': `export const listed = 1;\n`,
        'db/messages/index.ts': `import { listed } from '../sessions';\nexport const counted = listed;\n`,
        'db/messages/answer.ts': `import { listed } from '../sessions/listed';\nexport const answer = listed;\n`,
        'server/sessions.ts': `import { listed } from '../db/sessions/listed';\nexport const sessions = listed;\n`,
        'server/sessionsAgain.ts': `import { listed } from '../db/sessions';\nexport const sessions = listed;\n`,
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('with each rule naming its import, and only those', async () => {
      const found = (await cruiseTree(root)).summary.violations.filter((violation) => violation.rule.name !== 'no-circular-folders').map(describeViolation);
      expect(found.sort()).toEqual(
        [
          'lib-is-pure: lib/pure.ts → db/rows.ts',
          'lib-is-pure: lib/__tests__/pure.test.ts → db/rows.ts',
          'no-circular: lib/first.ts → lib/second.ts',
          'db-uses-only-lib: db/rows.ts → server/useCase.ts',
          'server-below-adapters: server/useCase.ts → graphql/resolver.ts',
          'graphql-below-app: graphql/resolver.ts → app/route.ts',
          'no-test-code-in-production: app/route.ts → testing/factory.ts',
          'components-without-data: components/View.tsx → server/useCase.ts',
          'proxy-uses-only-lib: proxy.ts → db/rows.ts',
          'entity-folders-through-their-index-in-db: db/messages/answer.ts → db/sessions/listed.ts',
          'entity-folders-through-their-index: server/sessions.ts → db/sessions/listed.ts',
        ].sort(),
      );
    });

    it('between folders as well as between modules', async () => {
      const folders = (await cruiseTree(root)).summary.violations.filter((violation) => violation.rule.name === 'no-circular-folders');
      expect(folders.map(describeViolation).sort()).toEqual([
        'no-circular-folders: components/left → components/right',
        'no-circular-folders: components/right → components/left',
      ]);
    });
  });
});
