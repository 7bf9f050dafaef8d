import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HostProcess {
  url: string;
  /**
   * The page with the launch token in its fragment, read from the host's private stdout pipe. The real kiosk
   * browser never gets it on its command line (chromium-host/launch-browser.ts, writeLaunchPage).
   */
  launchUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Every line the host printed, for assertions on what it tells the operator. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts the real Chromium host (`chromium-host/main.ts`) as its own process, exactly as `npm start`
 * runs it, and waits for its ready line. Tests drive it through the page like a person would.
 */
export async function startHostProcess(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {},
): Promise<HostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lbt-host-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'chromium-host/main.ts', '--no-browser', '--ready-json', ...(options.args ?? [])],
    {
      cwd: root,
      // The candidate specs drive sittings without the console: they ask for the development gate by name
      // (the host's default is `always`); the console specs pass LBT_AFNEMER_GATE=always.
      env: { ...process.env, LBT_AFNEMER_GATE: 'when-enrolled', LBT_DATA_DIR: dataDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const ready = await new Promise<{ url: string; launchUrl: string }>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output.join('\n')}`)), 60_000);
    lines.on('line', (line) => {
      output.push(line);
      if (line.startsWith('LBT_READY ')) {
        clearTimeout(timer);
        resolveReady(JSON.parse(line.slice('LBT_READY '.length)) as { url: string; launchUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready:\n${output.join('\n')}`));
    });
  });
  return {
    ...ready,
    dataDir,
    child,
    output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill(signal);
      }),
  };
}
