#!/usr/bin/env node
// The production server: the built Next.js app behind a plain node:http server.
//
//   node scripts/server.mjs [--port 3000] [--hostname 127.0.0.1]
//
// `next start` keeps an X-Forwarded-For the client sent and fills it from the socket only when
// it is absent, so the address of whoever connected is lost. Here the peer's address is
// appended to it, as nginx's $proxy_add_x_forwarded_for does: the right-most entry is always
// the peer, and lib/rateLimit/clientAddress.ts counts TRUSTED_PROXY_HOPS from there.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// What `next start` sets before loading the app.
process.env.NODE_ENV = 'production';
process.env.NEXT_RUNTIME = 'nodejs';

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
// A launcher: it reads PORT itself (blank as unset); the app's settings are checked as app.prepare()
// runs instrumentation.ts, before the server listens.
const port = Number(values.port || process.env.PORT?.trim() || 3000);
const hostname = values.hostname;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  appendPeerAddress(request);
  void handle(request, response);
});

// Idle connections outlive a load balancer's (60 s on the common ones) and a browser's reuse, so
// the server is never the side that closes one as a request arrives on it (that request would fail).
server.keepAliveTimeout = 65_000;
server.headersTimeout = server.keepAliveTimeout + 1_000;

function appendPeerAddress(request) {
  const peer = (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  const forwarded = request.headers['x-forwarded-for'];
  request.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${peer}` : peer;
}

// Like `next start`: stop accepting connections, let requests in flight finish (the app ends its
// live event streams on the same signal), close the app, then exit with the signal's code.
let stopping = false;
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((error) => console.error(error))
        .finally(() => process.exit(code));
    });
  });
}

server.listen(port, hostname, () => console.log(`Serving on http://${hostname ?? 'localhost'}:${port}`));
