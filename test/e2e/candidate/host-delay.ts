import type { Page } from '@playwright/test';
import type { HostProcess } from '../host-process';

/** Contract calls that went over the POST fallback instead of the call socket; call before the page opens. */
export function recordPostedCalls(page: Page): string[] {
  const posted: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/lbt/v1/call/')) posted.push(path);
  });
  return posted;
}

/** A host that can be made slow: while held, every call the page makes waits, in order, in its socket. */
export interface SlowHost {
  hold(): void;
  release(): void;
}

/**
 * Holds the real host process still (SIGSTOP) and lets it go on (SIGCONT): the page's calls queue up in the
 * kernel's socket buffer exactly as they would behind a host busy with something else, and nothing sits
 * between page and host at other times. `release` is idempotent; call it in a `finally`.
 */
export function slowHost(host: HostProcess): SlowHost {
  const signal = (name: NodeJS.Signals) => {
    if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill(name);
  };
  return { hold: () => signal('SIGSTOP'), release: () => signal('SIGCONT') };
}
