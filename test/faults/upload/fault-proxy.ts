/**
 * A fault-injecting HTTP proxy in front of the results service, on 127.0.0.1. For every request it asks
 * `decide()` what to do:
 *   pass       forward, answer with the service's answer
 *   error500   answer 500 without forwarding
 *   hang       accept and never answer (the kiosk's timeout must fire); the socket is dropped much later
 *   reset      drop the connection before forwarding
 *   drop       forward, let the service commit, then drop the connection instead of answering
 *   duplicate  forward the same request twice (side by side or one after the other); answer with the last
 * and, on demand, `refuseFor(ms)`: stop listening, so connections are refused until it listens again.
 * When the service itself is down (being restarted), a forward answers 502 like a load balancer would.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'pass' | 'error500' | 'hang' | 'reset' | 'drop' | 'duplicate' | 'duplicate-parallel';

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class FaultProxy {
  readonly tally: Record<Fault | 'refused-window' | 'upstream-down', number> = {
    pass: 0,
    error500: 0,
    hang: 0,
    reset: 0,
    drop: 0,
    duplicate: 0,
    'duplicate-parallel': 0,
    'refused-window': 0,
    'upstream-down': 0,
  };
  private server: Server;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly upstreamPort: () => number,
    private readonly decide: (path: string) => Fault,
    private readonly hangMs: number,
    /** Another service instance: a parallel duplicate goes there, so two instances race for one result. */
    private readonly otherPort?: () => number,
  ) {
    this.server = this.makeServer();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(this.port, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Connection refused for `ms`: the listener closes and every open connection is cut. */
  async refuseFor(ms: number): Promise<void> {
    this.tally['refused-window'] += 1;
    await this.shut();
    await new Promise((r) => setTimeout(r, ms));
    this.server = this.makeServer();
    await this.listen();
  }

  async close(): Promise<void> {
    await this.shut();
  }

  private async shut(): Promise<void> {
    const closed = new Promise((done) => this.server.close(done));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private makeServer(): Server {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return server;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = this.decide(req.url ?? '/');
    this.tally[fault] += 1;
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'hang') {
      setTimeout(() => req.socket.destroy(), this.hangMs).unref();
      return;
    }
    if (fault === 'error500') {
      res.writeHead(500, { 'content-type': 'application/problem+json' });
      return void res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'injected',
          status: 500,
          detail: 'injected',
          code: 'internal',
        }),
      );
    }
    let answer: Upstream | null;
    if (fault === 'duplicate-parallel') {
      const other = this.otherPort?.();
      const both = await Promise.all([this.forward(req, body), this.forward(req, body, other)]);
      answer = both[1] ?? both[0] ?? null;
    } else if (fault === 'duplicate') {
      await this.forward(req, body);
      answer = await this.forward(req, body);
    } else {
      answer = await this.forward(req, body);
    }
    if (!answer) {
      this.tally['upstream-down'] += 1;
      res.writeHead(502, { 'content-type': 'text/plain' });
      return void res.end('bad gateway');
    }
    // The service has answered (so it committed, if it was going to): the kiosk never hears of it.
    if (fault === 'drop') return void req.socket.destroy();
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  /** One upstream exchange; null when the service cannot be reached or cuts the connection. */
  private forward(req: IncomingMessage, body: Buffer, port = this.upstreamPort()): Promise<Upstream | null> {
    return new Promise((done) => {
      const upstream = request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${port}`, connection: 'close' },
          agent: false,
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (c: Buffer) => parts.push(c));
          response.on('end', () =>
            done({
              status: response.statusCode ?? 502,
              headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
              body: Buffer.concat(parts),
            }),
          );
          response.on('error', () => done(null));
        },
      );
      upstream.on('error', () => done(null));
      upstream.end(body);
    });
  }
}
