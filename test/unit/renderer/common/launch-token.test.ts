import { describe, expect, it } from 'vitest';
import {
  adoptFragmentToken,
  storedToken,
  watchFragmentToken,
} from '../../../../renderer/common/launch-token';

/** A tab: an address with a fragment, this tab's storage, and the hashchange a new fragment fires. */
function fakeTab(url: string) {
  const events = new EventTarget();
  const storage = new Map<string, string>();
  const tab = {
    location: new URL(url),
    history: {
      replaceState: (_state: unknown, _title: string, to: string) => {
        tab.location = new URL(to, tab.location);
      },
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    addEventListener: events.addEventListener.bind(events),
    /** What the browser does when a launch URL differing only in its fragment is opened in the tab. */
    open(next: string) {
      tab.location = new URL(next);
      events.dispatchEvent(new Event('hashchange'));
    },
  };
  return tab;
}

describe('launch token in the URL fragment (issue 16, item 9)', () => {
  it('moves the token into the tab and out of the address bar', () => {
    const tab = fakeTab('http://127.0.0.1:4000/kiosk/?x=1#lbt-token=first');
    expect(adoptFragmentToken(tab as unknown as Window)).toBe(true);
    expect(storedToken(tab as unknown as Window)).toBe('first');
    expect(tab.location.href).toBe('http://127.0.0.1:4000/kiosk/?x=1');
  });

  it('takes a new launch URL opened in the same tab: new token, page started again; other fragments do nothing', () => {
    const tab = fakeTab('http://127.0.0.1:4000/kiosk/#lbt-token=first');
    const win = tab as unknown as Window;
    adoptFragmentToken(win);
    let restarts = 0;
    watchFragmentToken(win, () => restarts++);
    tab.open('http://127.0.0.1:4000/kiosk/#lbt-token=second');
    expect(storedToken(win)).toBe('second');
    expect(restarts).toBe(1);
    expect(tab.location.hash).toBe('');
    // The same token again, or a fragment without one, keeps the page as it is.
    tab.open('http://127.0.0.1:4000/kiosk/#lbt-token=second');
    tab.open('http://127.0.0.1:4000/kiosk/#iets-anders');
    expect(restarts).toBe(1);
    expect(storedToken(win)).toBe('second');
  });
});
