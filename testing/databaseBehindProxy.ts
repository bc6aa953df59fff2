import { closeDb } from '@/db/client';
import { CuttableTcpProxy } from './tcpProxy';

export interface DatabaseBehindProxy {
  /** Between the app and its database server: cut, pause, resume and restore it. */
  proxy: CuttableTcpProxy;
  /** Closes the app's connections and the proxy, and points DATABASE_URL at the server again. */
  close(): Promise<void>;
}

/**
 * Puts a CuttableTcpProxy between the app and the real Postgres server DATABASE_URL names: the
 * app's open connections are closed, and every new one goes through the proxy.
 */
export async function putDatabaseBehindProxy(): Promise<DatabaseBehindProxy> {
  const directUrl = process.env.DATABASE_URL;
  if (!directUrl) throw new Error('A database behind a proxy needs DATABASE_URL: the embedded database has no network to cut.');
  const direct = new URL(directUrl);
  const proxy = new CuttableTcpProxy(direct.hostname, Number(direct.port || 5432));
  await proxy.start();
  // From here on the app reaches its database only through the proxy.
  await closeDb();
  const throughProxy = new URL(direct);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(proxy.port);
  process.env.DATABASE_URL = throughProxy.toString();
  return {
    proxy,
    async close() {
      proxy.resume();
      await closeDb();
      await proxy.cut();
      process.env.DATABASE_URL = directUrl;
    },
  };
}
