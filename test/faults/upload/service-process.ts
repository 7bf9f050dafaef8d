/**
 * Starts, kills (SIGKILL: no goodbye, like a crash) and restarts the service process on a fixed port. Several
 * instances share one PostgreSQL database (`database`) and one signing key (`serverKeyPem`, as LBT_SERVER_KEY),
 * each with its own data dir: nothing on disk is shared, which is what "stateless" has to mean.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export class ServiceProcess {
  private child: ChildProcess | null = null;
  restarts = 0;

  constructor(
    readonly dataDir: string,
    public port: number,
    private readonly shared: { database?: string; serverKeyPem?: string } = {},
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        // Node with the tsx loader, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL misses.
        '--import',
        'tsx',
        resolve(import.meta.dirname, 'service-main.ts'),
        '--port',
        String(this.port),
        '--data',
        this.dataDir,
        ...(this.shared.database ? ['--database', this.shared.database] : []),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          ...(this.shared.serverKeyPem ? { LBT_SERVER_KEY: this.shared.serverKeyPem } : {}),
        },
      },
    );
    this.child = child;
    const port = await new Promise<number>((ready, failed) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('LBT_SERVICE_READY '));
        if (line) ready((JSON.parse(line.slice('LBT_SERVICE_READY '.length)) as { port: number }).port);
      });
      child.once('exit', (code) => failed(new Error(`the service exited (${code}) before it was ready`)));
    });
    this.port = port;
  }

  /** SIGKILL: whatever was in flight is cut off, exactly like a crash of the service host. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
    this.restarts += 1;
  }

  /** A clean stop at the end, so the database is closed before the suite reads it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
}
