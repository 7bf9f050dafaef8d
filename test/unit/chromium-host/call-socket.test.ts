import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, startChromiumHost, type RunningHost } from '../../../chromium-host/http-server';
import { createHandlers } from '../../../src/host/handlers';
import { createRouter, type Router } from '../../../src/host/router';
import { SocketReply } from '../../../src/shared/contract/socket-call';
import { nextJson, openRaw } from './ws-test-client';

const TOKEN = 'test-token-0123456789';
const PROTOCOLS = ['lbt.v1', `lbt-token.${TOKEN}`];

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lbt-renderer-'));
  mkdirSync(join(dir, 'kiosk'));
  writeFileSync(join(dir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
  return dir;
}

let host: RunningHost;
beforeAll(async () => {
  const router = createRouter(createHandlers({ version: '9.9.9', shell: 'chromium', packageId: () => null }));
  host = await startChromiumHost({ router, rendererDir: rendererDir(), token: TOKEN });
});
afterAll(() => host.close());

const post = async (channel: string, body: string) => {
  const response = await fetch(`http://127.0.0.1:${host.port}${CALL_PATH}${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body,
  });
  return response.json();
};

describe('call socket handshake', () => {
  it('refuses a handshake without the token, or with a wrong one, with 401 and no socket', async () => {
    for (const protocols of [['lbt.v1'], ['lbt.v1', 'lbt-token.wrong-token-0123456789'], []]) {
      const client = await openRaw(host.port, { protocols });
      expect(client.status).toBe(401);
      await client.closed;
      expect(JSON.parse(client.body)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('refuses a handshake that does not offer the lbt.v1 protocol, and other paths', async () => {
    const noProtocol = await openRaw(host.port, { protocols: [`lbt-token.${TOKEN}`] });
    expect(noProtocol.status).toBe(400);
    const elsewhere = await openRaw(host.port, { protocols: PROTOCOLS, path: '/lbt/v1/other' });
    expect(elsewhere.status).toBe(404);
    await Promise.all([noProtocol.closed, elsewhere.closed]);
  });

  it('accepts the token, answers with lbt.v1 and sets the asset cookie a POST would set', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    expect(client.status).toBe(101);
    expect(client.headers['sec-websocket-protocol']).toBe('lbt.v1');
    expect(client.headers['set-cookie']).toMatch(
      /^lbt-assets=[\w-]+; Path=\/package\/; HttpOnly; SameSite=Strict$/,
    );
    client.socket.destroy();
  });
});

describe('calls over the socket', () => {
  it('answers a call with the same envelope as the POST path, paired by id', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    client.text({ id: 7, channel: 'app.info', request: {} });
    const reply = SocketReply.parse(await nextJson(client));
    expect(reply).toEqual({ id: 7, result: await post('app.info', '{}') });
    expect(reply.result).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    // An absent request is `{}`, as an empty POST body is.
    client.text({ id: 8, channel: 'app.info' });
    expect(await nextJson(client)).toMatchObject({ id: 8, result: { ok: true } });
    client.socket.destroy();
  });

  it('gives an unknown channel and a request that fails its schema the POST path error, unchanged', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    client.text({ id: 1, channel: 'app.gone', request: {} });
    expect(await nextJson(client)).toEqual({ id: 1, result: await post('app.gone', '{}') });
    client.text({ id: 2, channel: 'app.info', request: { extra: 1 } });
    const wrongShape = SocketReply.parse(await nextJson(client));
    expect(wrongShape).toEqual({ id: 2, result: await post('app.info', '{"extra":1}') });
    expect(wrongShape.result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    client.socket.destroy();
  });

  it('answers bad JSON and a malformed call with invalid_request and keeps serving', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    client.text('{"broken');
    const broken = SocketReply.parse(await nextJson(client));
    expect(broken.id).toBeNull();
    // Same code as a POST with a body that is not JSON.
    const postBroken = (await post('app.info', '{"broken')) as { error: { code: string } };
    expect(broken.result).toMatchObject({ ok: false, error: { code: postBroken.error.code } });
    expect(postBroken.error.code).toBe('invalid_request');

    client.text({ id: 3, channel: 42 });
    const malformed = SocketReply.parse(await nextJson(client));
    expect(malformed).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_request' } } });
    expect(malformed.result.ok === false && malformed.result.error.issues?.[0]?.path).toBe('$.channel');
    client.text({ channel: 'app.info' });
    expect(await nextJson(client)).toMatchObject({ id: null, result: { ok: false } });

    client.text({ id: 4, channel: 'app.info' });
    expect(await nextJson(client)).toMatchObject({ id: 4, result: { ok: true } });
    client.socket.destroy();
  });

  it('answers a ping with a pong and a close with a close', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    client.frame(9, 'hello');
    expect(await client.next()).toEqual({ opcode: 10, payload: Buffer.from('hello') });
    client.frame(8, Buffer.from([0x03, 0xe8]));
    const close = await client.next();
    expect(close.opcode).toBe(8);
    expect(close.payload.readUInt16BE(0)).toBe(1000);
    await client.closed;
  });

  it('joins a message sent in fragments', async () => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    const text = JSON.stringify({ id: 5, channel: 'app.info', request: {} });
    client.frame(1, text.slice(0, 10), { fin: false });
    client.frame(0, text.slice(10), { fin: true });
    expect(await nextJson(client)).toMatchObject({ id: 5, result: { ok: true } });
    client.socket.destroy();
  });

  it.each([
    [
      'an unmasked frame',
      1002,
      (c: Awaited<ReturnType<typeof openRaw>>) => c.frame(1, '{}', { masked: false }),
    ],
    ['a binary message', 1003, (c: Awaited<ReturnType<typeof openRaw>>) => c.frame(2, Buffer.from([1, 2]))],
    [
      'text that is not UTF-8',
      1007,
      (c: Awaited<ReturnType<typeof openRaw>>) => c.frame(1, Buffer.from([0xff, 0xfe])),
    ],
    [
      'a message over the size limit',
      1009,
      (c: Awaited<ReturnType<typeof openRaw>>) => c.frame(1, Buffer.alloc(1024 * 1024 + 1, 0x20)),
    ],
  ])('closes the connection on %s (code %i)', async (_name, code, send) => {
    const client = await openRaw(host.port, { protocols: PROTOCOLS });
    send(client);
    const close = await client.next();
    expect(close.opcode).toBe(8);
    expect(close.payload.readUInt16BE(0)).toBe(code);
    await client.closed;
  });
});

describe('ordering', () => {
  it('hands calls to the router in arrival order and pairs each answer with its id, whatever finishes first', async () => {
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const router: Router = {
      async call(_channel, request) {
        const n = (request as { n: number }).n;
        started.push(n);
        await new Promise<void>((resolve) => finish.set(n, resolve));
        return { ok: true, value: { n } };
      },
    };
    const slow = await startChromiumHost({ router, rendererDir: rendererDir(), token: TOKEN });
    try {
      const client = await openRaw(slow.port, { protocols: PROTOCOLS });
      for (let n = 0; n < 5; n++) client.text({ id: 100 + n, channel: 'session.dispatch', request: { n } });
      await expect.poll(() => started.length).toBe(5);
      expect(started).toEqual([0, 1, 2, 3, 4]);
      // Finish them last first: each answer still carries its own call's id and value.
      const replies = [];
      for (const n of [4, 3, 2, 1, 0]) {
        finish.get(n)!();
        replies.push(SocketReply.parse(await nextJson(client)));
      }
      expect(replies.map((r) => r.id)).toEqual([104, 103, 102, 101, 100]);
      for (const reply of replies) expect(reply.result).toEqual({ ok: true, value: { n: reply.id! - 100 } });
      client.socket.destroy();
    } finally {
      await slow.close();
    }
  });

  it('closes open sockets when the host stops', async () => {
    const other = await startChromiumHost({
      router: createRouter(createHandlers({ version: '1.0.0', shell: 'chromium', packageId: () => null })),
      rendererDir: rendererDir(),
      token: TOKEN,
    });
    const client = await openRaw(other.port, { protocols: PROTOCOLS });
    await other.close();
    const close = await client.next();
    expect(close.opcode).toBe(8);
    expect(close.payload.readUInt16BE(0)).toBe(1001);
  });
});

describe('robustness', () => {
  it('survives a peer that resets the connection mid-handshake or mid-call', async () => {
    const refused = await openRaw(host.port, { protocols: ['lbt.v1'] });
    refused.socket.resetAndDestroy();
    const open = await openRaw(host.port, { protocols: PROTOCOLS });
    open.text({ id: 1, channel: 'app.info' });
    open.socket.resetAndDestroy();
    // The host is still serving.
    const next = await openRaw(host.port, { protocols: PROTOCOLS });
    next.text({ id: 2, channel: 'app.info' });
    expect(await nextJson(next)).toMatchObject({ id: 2, result: { ok: true } });
    next.socket.destroy();
  });
});
