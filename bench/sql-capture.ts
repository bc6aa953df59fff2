import net from 'node:net';

/**
 * A loopback TCP proxy in front of Postgres that reads what a server sends it: every statement
 * with its parameters, and every round trip (each Sync or Flush of the extended protocol, each
 * simple Query). It shows exactly which SQL a contender runs for a request, whatever its code looks
 * like, without touching the server's logs or settings. Only for the short capture phase: it
 * is not in the path of the timed loads.
 */

export interface CapturedStatement {
  sql: string;
  /** Text-format parameters as sent; binary ones as `\x…` hex. */
  params: string[];
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

function readCString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString('utf8', offset, end), end + 1];
}

/** Reads the client → server half of one connection. */
class FrontendParser {
  private pending: Buffer = Buffer.alloc(0);
  private startupDone = false;
  private readonly prepared = new Map<string, string>();

  constructor(private readonly capture: SqlCapture) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (!this.startupDone) {
        if (this.pending.length < 8) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        const code = this.pending.readInt32BE(4);
        this.startupDone = code !== SSL_REQUEST && code !== GSSENC_REQUEST;
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (length > MAX_MESSAGE_BYTES) throw new Error('Implausible Postgres message length.');
      if (this.pending.length < length + 1) return;
      this.message(String.fromCharCode(this.pending[0]), this.pending.subarray(5, length + 1));
      this.pending = this.pending.subarray(length + 1);
    }
  }

  private message(type: string, body: Buffer): void {
    if (type === 'Q') {
      this.capture.record({ sql: readCString(body, 0)[0], params: [] });
      this.capture.roundTrip();
    } else if (type === 'P') {
      const [name, afterName] = readCString(body, 0);
      const [sql] = readCString(body, afterName);
      this.prepared.set(name, sql);
    } else if (type === 'B') {
      this.bind(body);
    } else if (type === 'S' || type === 'H') {
      // Sync, or Flush (postgres.js describes an unnamed statement with Parse/Describe/Flush,
      // waits for the parameter types, then binds): either way the server waits for Postgres.
      this.capture.roundTrip();
    }
  }

  private bind(body: Buffer): void {
    let offset = readCString(body, 0)[1];
    const [statement, afterStatement] = readCString(body, offset);
    offset = afterStatement;
    const formatCount = body.readInt16BE(offset);
    const formats: number[] = [];
    for (let index = 0; index < formatCount; index += 1) formats.push(body.readInt16BE(offset + 2 + index * 2));
    offset += 2 + formatCount * 2;
    const paramCount = body.readInt16BE(offset);
    offset += 2;
    const params: string[] = [];
    for (let index = 0; index < paramCount; index += 1) {
      const length = body.readInt32BE(offset);
      offset += 4;
      if (length < 0) {
        params.push('NULL');
        continue;
      }
      const value = body.subarray(offset, offset + length);
      offset += length;
      const binary = (formats.length === 1 ? formats[0] : (formats[index] ?? 0)) === 1;
      params.push(binary ? `\\x${value.toString('hex')}` : value.toString('utf8'));
    }
    this.capture.record({ sql: this.prepared.get(statement) ?? '(unknown statement)', params });
  }
}

export class SqlCapture {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private statements: CapturedStatement[] = [];
  private roundTrips = 0;
  private recording = false;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.connect(client));
  }

  /** Starts listening on a free loopback port and returns it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (typeof address !== 'object' || !address) throw new Error('The SQL capture proxy has no port.');
    return address.port;
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    const parser = new FrontendParser(this);
    this.sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  record(statement: CapturedStatement): void {
    if (this.recording) this.statements.push(statement);
  }

  roundTrip(): void {
    if (this.recording) this.roundTrips += 1;
  }

  /** Records what happens while `action` runs. */
  async during(action: () => Promise<void>): Promise<{ statements: CapturedStatement[]; roundTrips: number }> {
    this.statements = [];
    this.roundTrips = 0;
    this.recording = true;
    try {
      await action();
      // Writes that follow the response (e.g. a last-used timestamp) land a moment later.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      this.recording = false;
    }
    return { statements: this.statements, roundTrips: this.roundTrips };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The same URL, pointed at the capture proxy. */
export function throughProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}
