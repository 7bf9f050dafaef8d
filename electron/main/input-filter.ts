import type { Input, WebContents } from 'electron';

/** The fields of Electron's `Input` the filter looks at; a plain object so it can be tested without Electron. */
export type KeyInput = Pick<Input, 'key' | 'code' | 'shift' | 'control' | 'alt' | 'meta'>;

/** Close window/app, reload, new window/tab, print, address bar: with Ctrl (Windows/Linux) or Cmd (macOS). */
const COMMAND_LETTERS = new Set(['w', 'q', 'r', 'n', 't', 'p', 'l']);
/** Developer tools: Ctrl+Shift+I/J/C (Cmd+Alt+I/J/C on macOS). */
const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);
/** Reload, full screen, devtools and the Escape that leaves full screen: swallowed with any modifier. */
const ALWAYS = new Set(['Escape', 'F5', 'F11', 'F12']);
/** Dedicated browser keys on many laptop keyboards. */
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserStop',
  'BrowserSearch',
  'BrowserFavorites',
]);
/** Zoom in, zoom out and reset zoom, on the main row and the number pad. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/**
 * The letter a shortcut means, as the layout produced it: Ctrl+W on AZERTY is key `w` on code `KeyZ`, and is
 * Ctrl+W. Only for a non-Latin letter (Arabic, Cyrillic, Greek) does the physical position decide, as it does
 * for Chromium's own accelerators. A digit or symbol is typing, not a letter: AltGr+Q on QWERTZ gives `@`
 * (reported with Ctrl and Alt held) and must reach the page. Accents are dropped and the Turkish dotless ı
 * counts as i, so Ctrl+Shift+I is devtools on every layout.
 */
function letterOf(input: KeyInput): string | null {
  if ([...input.key].length !== 1) return null; // a named key: Enter, F5, Dead, …
  const plain = input.key.normalize('NFD').replace(/\p{M}/gu, '').replace('ı', 'i').toLowerCase();
  if (/^[a-z]$/.test(plain)) return plain;
  if (/\p{L}/u.test(input.key)) return /^Key([A-Z])$/.exec(input.code)?.[1]?.toLowerCase() ?? null;
  return null;
}

/**
 * Whether a key press must never reach the page or Chromium's own shortcuts: every way to close, reload,
 * navigate, zoom, print or open devtools. Ordinary typing, arrows, Enter, Tab and Ctrl+C/V pass.
 * OS-level combinations (Ctrl+Alt+Del, Alt+Tab, the Windows key) never reach Electron; build/kiosk/ covers them.
 */
export function shouldSwallow(input: KeyInput): boolean {
  const command = input.control || input.meta;
  const letter = letterOf(input) ?? '';
  if (ALWAYS.has(input.key) || BROWSER_KEYS.has(input.key)) return true;
  if (input.alt && input.key === 'F4') return true;
  if (input.alt && (input.key === 'ArrowLeft' || input.key === 'ArrowRight' || input.key === 'Home'))
    return true;
  if (command && input.shift && DEVTOOLS_LETTERS.has(letter)) return true;
  if (input.meta && input.alt && DEVTOOLS_LETTERS.has(letter)) return true;
  if (command && COMMAND_LETTERS.has(letter)) return true;
  if (command && (ZOOM_KEYS.has(input.key) || ZOOM_CODES.has(input.code))) return true;
  return false;
}

/** Installs the filter on the kiosk page: swallowed keys are dropped before the page or Chromium sees them. */
export function installInputFilter(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (shouldSwallow(input)) event.preventDefault();
  });
}
