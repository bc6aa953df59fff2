import { closeDb } from '@/db/client';
import { setUpTestDatabase } from '@/testing/database';
import { GET as live } from '../route';
import { GET as ready } from '../ready/route';

setUpTestDatabase();

describe('health checks', () => {
  it('answers liveness without touching anything', async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness when the database answers', async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  (process.env.DATABASE_URL ? it : it.skip)('answers readiness with 503 and Retry-After while the database is unreachable', async () => {
    const serverUrl = process.env.DATABASE_URL!;
    await closeDb();
    // Nothing listens on port 1.
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = serverUrl;
    }
  });
});
