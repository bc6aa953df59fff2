import os from 'node:os';
import postgres from 'postgres';
import type { MachineInfo } from './report';

/** What the figures were measured on; the load average says how busy the machine already was. */
export async function describeMachine(databaseUrl: string): Promise<Omit<MachineInfo, 'loadAverageAtEnd'>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`SELECT split_part(version(), ' on ', 1) AS version`;
    const cpus = os.cpus();
    return {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
      memoryGiB: os.totalmem() / 1024 ** 3,
      node: process.version,
      postgres: row.version,
      loadAverageAtStart: os.loadavg()[0],
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
