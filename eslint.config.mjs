// One lint configuration for the whole repository: `npm run lint` (CI fails on any finding).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'node_modules/**',
    '.next/**',
    '.next-*/**',
    '.data/**',
    'coverage/**',
    'bench/out/**',
    'e2e/.artifacts/**',
    'e2e/screenshots/**',
    'next-env.d.ts',
    // Written by `npm run codegen` and `drizzle-kit generate`; their generators own the style.
    'graphql/__generated__/**',
    'db/migrations/**',
  ]),
  // Next's own set registers the react, react-hooks, import, jsx-a11y and @next/next plugins.
  ...nextCoreWebVitals,
  {
    name: 'codirector/accessibility-and-hooks',
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      ...reactHooks.configs['recommended-latest'].rules,
      // Focus moves only to what the user's own action just opened (a rename field, a confirmation, the sign-in form that is the page).
      'jsx-a11y/no-autofocus': 'off',
      // A scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region', 'log'] }],
      // Keys pressed on a focused child are handled by its container (roving tab stop, Tab trap, Escape), as the ARIA practices do.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      // A choice's text sits in nested elements inside its label.
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
    },
  },
  {
    name: 'codirector/typescript',
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` is how an unused parameter that a signature requires is marked.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // node:test's `test`/`describe` return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // React event props and Next's server-action props accept async handlers; their results are not awaited by design.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    name: 'codirector/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    name: 'codirector/tests',
    files: ['**/__tests__/**', 'e2e/**', 'testing/**', 'bench/**'],
    rules: {
      // Tests and benchmarks assert on values whose shapes they construct themselves.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Last, so formatting is Prettier's alone.
  prettier,
);
