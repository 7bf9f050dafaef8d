import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** RFC 6455's answer to a handshake key, to check the host's 101 (the host itself leaves this to `ws`). */
const acceptKey = (key: string) =>
  createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');

/**
 * A deliberately plain WebSocket client over a raw TCP socket, so the tests can send exactly the bytes
 * they mean to (including frames a browser would never send) and read the host's frames as they come.
 */
export interface RawClient {
  /** Status line and headers of the host's handshake answer. */
  status: number;
  headers: Record<string, string>;
  /** The body after a refused handshake. */
  body: string;
  socket: Socket;
  /** Sends one frame, masked unless `masked` is false. */
  frame(opcode: number, payload: Buffer | string, options?: { masked?: boolean; fin?: boolean }): void;
  /** Sends a text message. */
  text(message: unknown): void;
  /** The next frame from the host (opcode and payload), in order. */
  next(): Promise<{ opcode: number; payload: Buffer }>;
  /** Resolves when the host has closed the TCP connection. */
  closed: Promise<void>;
}

export function openRaw(
  port: number,
  options: { protocols?: string[]; path?: string; host?: string; origin?: string } = {},
): Promise<RawClient> {
  const key = randomBytes(16).toString('base64');
  const socket = connect(port, '127.0.0.1');
  const protocols = options.protocols ?? [];
  socket.write(
    `GET ${options.path ?? '/lbt/v1/socket'} HTTP/1.1\r\nHost: ${options.host ?? `127.0.0.1:${port}`}\r\n` +
      (options.origin ? `Origin: ${options.origin}\r\n` : '') +
      'Upgrade: websocket\r\n' +
      `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n` +
      (protocols.length ? `Sec-WebSocket-Protocol: ${protocols.join(', ')}\r\n` : '') +
      '\r\n',
  );
  let buffered = Buffer.alloc(0);
  const frames: { opcode: number; payload: Buffer }[] = [];
  const waiting: ((frame: { opcode: number; payload: Buffer }) => void)[] = [];
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    let client: RawClient | null = null;
    const parseFrames = () => {
      for (;;) {
        if (buffered.length < 2) return;
        let length = buffered[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffered.length < 4) return;
          length = buffered.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffered.length < 10) return;
          length = Number(buffered.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffered.length < offset + length) return;
        const frame = { opcode: buffered[0]! & 0x0f, payload: buffered.subarray(offset, offset + length) };
        buffered = buffered.subarray(offset + length);
        const taker = waiting.shift();
        if (taker) taker(frame);
        else frames.push(frame);
      }
    };
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (client) return parseFrames();
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = buffered.subarray(0, end).toString().split('\r\n');
      buffered = buffered.subarray(end + 4);
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = Number(statusLine!.split(' ')[1]);
      if (status === 101 && headers['sec-websocket-accept'] !== acceptKey(key)) {
        reject(new Error('wrong Sec-WebSocket-Accept'));
        return;
      }
      client = {
        status,
        headers,
        get body() {
          return buffered.toString();
        },
        socket,
        frame(opcode, payload, { masked = true, fin = true } = {}) {
          const data = Buffer.from(payload);
          const mask = randomBytes(4);
          const size = data.length < 126 ? 2 : data.length < 0x10000 ? 4 : 10;
          const head = Buffer.alloc(size + (masked ? 4 : 0));
          head[0] = (fin ? 0x80 : 0) | opcode;
          if (size === 2) head[1] = data.length;
          else if (size === 4) {
            head[1] = 126;
            head.writeUInt16BE(data.length, 2);
          } else {
            head[1] = 127;
            head.writeBigUInt64BE(BigInt(data.length), 2);
          }
          if (masked) {
            head[1]! |= 0x80;
            mask.copy(head, size);
            for (let i = 0; i < data.length; i++) data[i]! ^= mask[i & 3]!;
          }
          socket.write(Buffer.concat([head, data]));
        },
        text(message) {
          client!.frame(1, typeof message === 'string' ? message : JSON.stringify(message));
        },
        next() {
          const frame = frames.shift();
          return frame ? Promise.resolve(frame) : new Promise((take) => waiting.push(take));
        },
        closed,
      };
      resolve(client);
      // A refused handshake has a body and no frames.
      if (status === 101) parseFrames();
    });
  });
}

/** The JSON of the next text frame. */
export async function nextJson(client: RawClient): Promise<unknown> {
  const frame = await client.next();
  if (frame.opcode !== 1) throw new Error(`expected a text frame, got opcode ${frame.opcode}`);
  return JSON.parse(frame.payload.toString());
}
