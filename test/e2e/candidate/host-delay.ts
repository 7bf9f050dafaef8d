import type { Page } from '@playwright/test';

/** Control over the page's calls to the host, installed before the page opens its call socket. */
export interface HostCalls {
  /** Holds every later call from the page this long before the host sees it (0: no delay). */
  delay(ms: number): void;
  /** Contract calls that went over the POST fallback instead of the call socket. */
  posted: string[];
}

/**
 * Routes the page's call socket through the test (calls pass on unchanged, in order) so a test can make
 * the host slow, and records any call that took the POST path. Call before the page is opened.
 */
export async function routeHostCalls(page: Page): Promise<HostCalls> {
  let delayMs = 0;
  const calls: HostCalls = { delay: (ms) => void (delayMs = ms), posted: [] };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/lbt/v1/call/')) calls.posted.push(path);
  });
  await page.routeWebSocket('**/lbt/v1/socket', (socket) => {
    const host = socket.connectToServer();
    // One chain per socket, so a delayed call is never overtaken by a later one.
    let chain = Promise.resolve();
    socket.onMessage((message) => {
      const wait = delayMs;
      chain = chain.then(async () => {
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
        host.send(message);
      });
    });
  });
  return calls;
}
