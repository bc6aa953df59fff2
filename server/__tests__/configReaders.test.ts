import os from 'node:os';
import { databaseConfigFromEnv } from '@/db/client';
import { preparedStatementsEnabled } from '@/db/preparedStatements';
import { queryTimeoutsFromEnv } from '@/db/queryTimeout';
import { ConfigError } from '@/lib/config';
import { contextBudget } from '@/lib/providers/context';
import { generationTimeoutMs } from '@/server/generations';
import { interpreterThreadsSettings } from '@/server/interpreter';

/** The settings the server reads go through lib/config.ts: its defaults, and a bad value is an error naming it, never a silent default. */
describe('settings read through lib/config.ts', () => {
  it('take their documented defaults when unset or blank', () => {
    for (const env of [{}, { ASSISTANT_TIMEOUT_MS: '', ASSISTANT_CONTEXT_TOKENS: ' ', DATABASE_STATEMENT_TIMEOUT_MS: '', INTERPRETER_DEADLINE_MS: '' }]) {
      expect(generationTimeoutMs(env)).toBe(60_000);
      expect(contextBudget(env)).toBe(8000);
      expect(queryTimeoutsFromEnv(env)).toEqual({ statementMs: 4000, queryMs: 5000, transactionMs: 10_000 });
      expect(preparedStatementsEnabled(env)).toBe(true);
      expect(interpreterThreadsSettings(env)).toEqual({ deadlineMs: 2000, threads: Math.min(4, os.availableParallelism()) });
      expect(databaseConfigFromEnv({ ...env, DATABASE_URL: '', PGLITE_DIR: ' ' })).toEqual({ driver: 'pglite', dataDir: '.data/pglite' });
    }
  });

  it('follow what is set', () => {
    const env = {
      ASSISTANT_TIMEOUT_MS: '1500',
      ASSISTANT_CONTEXT_TOKENS: '3000',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_PREPARE: 'FALSE',
      INTERPRETER_DEADLINE_MS: '250',
      INTERPRETER_THREADS: '2',
    };
    expect(generationTimeoutMs(env)).toBe(1500);
    expect(contextBudget(env)).toBe(3000);
    expect(queryTimeoutsFromEnv(env)).toEqual({ statementMs: 2000, queryMs: 3000, transactionMs: 6000 });
    expect(preparedStatementsEnabled(env)).toBe(false);
    expect(interpreterThreadsSettings(env)).toEqual({ deadlineMs: 250, threads: 2 });
    expect(databaseConfigFromEnv({ PGLITE_DIR: ' memory:// ' })).toEqual({ driver: 'pglite', dataDir: 'memory://' });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://app@db:5432/app', PGLITE_DIR: 'memory://' })).toEqual({
      driver: 'postgres',
      url: 'postgres://app@db:5432/app',
    });
  });

  it.each([
    ['ASSISTANT_TIMEOUT_MS', 'sixty', () => generationTimeoutMs({ ASSISTANT_TIMEOUT_MS: 'sixty' })],
    ['ASSISTANT_CONTEXT_TOKENS', '-1', () => contextBudget({ ASSISTANT_CONTEXT_TOKENS: '-1' })],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '1.5', () => queryTimeoutsFromEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '1.5' })],
    ['DATABASE_PREPARE', 'no', () => preparedStatementsEnabled({ DATABASE_PREPARE: 'no' })],
    ['INTERPRETER_THREADS', '0', () => interpreterThreadsSettings({ INTERPRETER_THREADS: '0' })],
    ['DATABASE_URL', 'mysql://db/app', () => databaseConfigFromEnv({ DATABASE_URL: 'mysql://db/app' })],
  ])('refuse %s=%s with a ConfigError naming it', (name, value, read) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`${name}=${JSON.stringify(value)} is not allowed`);
  });
});
