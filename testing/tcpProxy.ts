import net from 'node:net';

/**
 * A TCP proxy in front of a server that a test can cut and restore, to simulate the database
 * becoming unreachable mid-load (connections drop, new ones are refused) and coming back; or
 * pause and resume, to simulate a network that goes silent (connections stay open, no byte
 * moves either way).
 */
export class CuttableTcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private paused = false;
  private readonly held: (() => void)[] = [];
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      this.forward(client, upstream);
      this.forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Drops every open connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Holds every byte in both directions (open and new connections) until resume(). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  private forward(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => {
      const deliver = () => {
        if (!to.destroyed) to.write(chunk);
      };
      if (this.paused) this.held.push(deliver);
      else deliver();
    });
  }

  /** Listens again on the same port. */
  restore(): Promise<void> {
    return this.start(this.port);
  }
}
