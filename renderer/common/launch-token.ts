/** The per-launch token of the Chromium shell, handed over in the URL fragment (never sent to a server). */
export const TOKEN_KEY = 'lbt-token';

type TokenWindow = Pick<Window, 'location' | 'history' | 'sessionStorage' | 'addEventListener'>;

/**
 * Moves a token in the fragment into this tab's storage and out of the address bar; true when it was new.
 * Kept for the tab only, so a reload keeps working while the address bar never shows the token.
 */
export function adoptFragmentToken(win: TokenWindow): boolean {
  const fromFragment = new URLSearchParams(win.location.hash.slice(1)).get(TOKEN_KEY);
  if (!fromFragment) return false;
  const changed = win.sessionStorage.getItem(TOKEN_KEY) !== fromFragment;
  win.sessionStorage.setItem(TOKEN_KEY, fromFragment);
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
  return changed;
}

export const storedToken = (win: Pick<Window, 'sessionStorage'>): string =>
  win.sessionStorage.getItem(TOKEN_KEY) ?? '';

/**
 * A new launch URL opened in the same tab changes only the fragment, so the page does not load again and
 * would go on calling with the old token (refused by the new host). Adopt the new token and start the page
 * afresh with it (`restart`, a reload in the browser), so the bridge is built once, with one token.
 */
export function watchFragmentToken(win: TokenWindow, restart: () => void): void {
  win.addEventListener('hashchange', () => {
    if (adoptFragmentToken(win)) restart();
  });
}
