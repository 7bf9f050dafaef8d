/**
 * A lean HTTP/1.1 load generator for the benchmarks: N kept-alive TCP connections, each sending one prepared
 * request and reading its whole response before sending the next (no pipelining), as N kiosks uploading at
 * once would. node:http spends about 0.3 ms of CPU per 11.7 KB upload on this machine's cores; on two cores that
 * CPU is taken from the service being measured, so the requests are built as bytes before the clock starts
 * and a response is read only as far as its status line and length.
 */
import { connect, type Socket } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');

/** The bytes of one POST with a JSON body. */
export function jsonPost(url: URL, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const head =
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${payload.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

/** Reads responses off one connection: status code and body, framed by Content-Length. */
class ResponseReader {
  private pending: Buffer = Buffer.alloc(0);
  constructor(private readonly onResponse: (status: number, body: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const headEnd = this.pending.indexOf(HEAD_END);
      if (headEnd < 0) return;
      const head = this.pending.subarray(0, headEnd).toString('latin1');
      const status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length || !(status >= 100)) throw new Error(`unexpected response head: ${head.slice(0, 200)}`);
      const end = headEnd + HEAD_END.length + Number(length[1]);
      if (this.pending.length < end) return;
      const body = this.pending.subarray(headEnd + HEAD_END.length, end);
      this.pending = this.pending.subarray(end);
      this.onResponse(status, body);
    }
  }
}

export class KeepAliveClient {
  private constructor(private readonly sockets: Socket[]) {}

  static async open(url: URL, connections: number): Promise<KeepAliveClient> {
    const sockets = await Promise.all(
      Array.from(
        { length: connections },
        () =>
          new Promise<Socket>((done, fail) => {
            const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true }, () =>
              done(socket),
            );
            socket.once('error', fail);
          }),
      ),
    );
    return new KeepAliveClient(sockets);
  }

  /** Sends every request once, spread over the connections; resolves with each one's status and body. */
  run(requests: readonly Buffer[]): Promise<{ status: number; body: Buffer }[]> {
    const answers: { status: number; body: Buffer }[] = new Array(requests.length);
    let next = 0;
    let answered = 0;
    return new Promise((done, fail) => {
      if (requests.length === 0) return done(answers);
      for (const socket of this.sockets) {
        let current = -1;
        const sendNext = () => {
          if (next >= requests.length) return;
          current = next++;
          socket.write(requests[current]!);
        };
        const reader = new ResponseReader((status, body) => {
          answers[current] = { status, body };
          if (++answered === requests.length) {
            cleanup();
            done(answers);
          } else sendNext();
        });
        const onData = (chunk: Buffer) => {
          try {
            reader.push(chunk);
          } catch (error) {
            cleanup();
            fail(error);
          }
        };
        const onEnd = () => {
          cleanup();
          fail(new Error('the service closed a connection mid-run'));
        };
        const cleanup = () => {
          for (const s of this.sockets) {
            s.removeAllListeners('data');
            s.removeAllListeners('end');
            s.removeAllListeners('error');
          }
        };
        socket.on('data', onData);
        socket.once('end', onEnd);
        socket.once('error', onEnd);
        sendNext();
      }
    });
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}
