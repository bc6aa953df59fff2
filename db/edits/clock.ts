import { sql } from 'drizzle-orm';
import { selectRows, type Executor } from '../client';

/**
 * The time edits are stamped with, read after the locks are held so stamps follow the
 * order in which changes to the project really happened.
 */
export async function transactionClock(tx: Executor): Promise<Date> {
  const [row] = await selectRows<{ now: Date | string }>(tx, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}
