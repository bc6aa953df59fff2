import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { getUserByEmail } from '@/db/users';

/** The embedded default must keep committed data when its process dies without closing it. */
describe('embedded PGlite after an unclean stop', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-pglite-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('still has every committed row when the owning process is killed with SIGKILL', async () => {
    const email = 'durable@example.test';
    const child = spawn('npx', ['tsx', 'testing/pglite-writer.ts', dataDir, email], {
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('written')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;

    const reopened = openDatabase({ driver: 'pglite', dataDir });
    try {
      await reopened.migrate();
      const user = await getUserByEmail(email, reopened.db);
      expect(user?.name).toBe('Durable');
    } finally {
      await reopened.close();
    }
  });
});
