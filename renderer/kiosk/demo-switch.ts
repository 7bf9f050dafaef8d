/**
 * "Demo starten" on a development host (src/host/demo-mode.ts): asks the host to switch, then tells every part of
 * the page that shows demo (the watermark) to read app.info again. The host decides; the page only asks.
 */
const STARTED = 'lbt-demo-started';

/** Null when the host switched to demo, else its Dutch reason for refusing. */
export async function startDemo(): Promise<string | null> {
  const result = await window.lbt.app.demo({});
  if (!result.ok) return result.error.message;
  window.dispatchEvent(new Event(STARTED));
  return null;
}

export function onDemoStarted(listener: () => void): () => void {
  window.addEventListener(STARTED, listener);
  return () => window.removeEventListener(STARTED, listener);
}
