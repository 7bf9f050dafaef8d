/**
 * The real Chromium host as a child process, driven over its HTTP contract endpoint exactly as the kiosk page
 * does: POST /lbt/v1/call/<channel>, JSON body, the launch token from the URL fragment as a Bearer token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  token: string;
  child: ChildProcess;
  output: string[];
  call(channel: string, request?: unknown): Promise<CallAnswer>;
  /** Starts a call without waiting for it: the kill may land while it is in flight. */
  send(channel: string, request?: unknown): Promise<CallAnswer | null>;
  kill(): Promise<void>;
}

export type CallAnswer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export async function startHost(dataDir: string): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'chromium-host/main.ts', '--no-browser', '--ready-json'],
    {
      cwd: root,
      env: { ...process.env, LBT_AFNEMER_GATE: 'when-enrolled', LBT_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; launchUrl: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start:\n${output.join('\n')}`)), 60_000);
    lines.on('line', (line) => {
      output.push(line);
      if (line.startsWith('LBT_READY ')) {
        clearTimeout(timer);
        done(JSON.parse(line.slice('LBT_READY '.length)) as { url: string; launchUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`host exited with ${code} before it was ready:\n${output.join('\n')}`));
    });
  });
  const token = new URLSearchParams(new URL(ready.launchUrl).hash.slice(1)).get('lbt-token') ?? '';
  const origin = new URL(ready.url).origin;
  const call = async (channel: string, request: unknown = {}): Promise<CallAnswer> => {
    const response = await fetch(`${origin}/lbt/v1/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    return (await response.json()) as CallAnswer;
  };
  return {
    url: ready.url,
    token,
    child,
    output,
    call,
    send: (channel, request) => call(channel, request).catch(() => null),
    kill: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
  };
}
