import { describe, expect, it, vi } from 'vitest';
import { installInputFilter, shouldSwallow, type KeyInput } from '../../../../electron/main/input-filter';
import { FakeWebContents } from './fake-electron';

type Mods = Partial<Pick<KeyInput, 'shift' | 'control' | 'alt' | 'meta'>>;

function key(keyName: string, code: string, mods: Mods = {}): KeyInput {
  return { key: keyName, code, shift: false, control: false, alt: false, meta: false, ...mods };
}

const letter = (ch: string, mods: Mods) =>
  key(mods.shift ? ch.toUpperCase() : ch, `Key${ch.toUpperCase()}`, mods);

const SWALLOWED: [string, KeyInput][] = [
  ['Alt+F4', key('F4', 'F4', { alt: true })],
  ...['w', 'q', 'r', 'n', 't', 'p', 'l'].flatMap((ch): [string, KeyInput][] => [
    [`Ctrl+${ch.toUpperCase()}`, letter(ch, { control: true })],
    [`Cmd+${ch.toUpperCase()}`, letter(ch, { meta: true })],
    [`Ctrl+Shift+${ch.toUpperCase()}`, letter(ch, { control: true, shift: true })],
  ]),
  ['F5', key('F5', 'F5')],
  ['Ctrl+F5', key('F5', 'F5', { control: true })],
  ['Shift+F5', key('F5', 'F5', { shift: true })],
  ['F11', key('F11', 'F11')],
  ['F12', key('F12', 'F12')],
  ['Ctrl+Shift+I', letter('i', { control: true, shift: true })],
  ['Ctrl+Shift+J', letter('j', { control: true, shift: true })],
  ['Ctrl+Shift+C', letter('c', { control: true, shift: true })],
  ['Cmd+Alt+I', letter('i', { meta: true, alt: true })],
  ['Escape', key('Escape', 'Escape')],
  ['Shift+Escape', key('Escape', 'Escape', { shift: true })],
  ['Ctrl +', key('+', 'Equal', { control: true, shift: true })],
  ['Ctrl =', key('=', 'Equal', { control: true })],
  ['Ctrl -', key('-', 'Minus', { control: true })],
  ['Ctrl 0', key('0', 'Digit0', { control: true })],
  ['Ctrl numpad +', key('+', 'NumpadAdd', { control: true })],
  ['Ctrl numpad -', key('-', 'NumpadSubtract', { control: true })],
  ['Cmd +', key('=', 'Equal', { meta: true })],
  ['BrowserBack', key('BrowserBack', 'BrowserBack')],
  ['BrowserForward', key('BrowserForward', 'BrowserForward')],
  ['BrowserRefresh', key('BrowserRefresh', 'BrowserRefresh')],
  ['BrowserHome', key('BrowserHome', 'BrowserHome')],
  ['Alt+ArrowLeft (back)', key('ArrowLeft', 'ArrowLeft', { alt: true })],
  ['Alt+ArrowRight (forward)', key('ArrowRight', 'ArrowRight', { alt: true })],
  // Layout independence: Ctrl+W on a Russian layout reports key "ц" but code KeyW.
  ['Ctrl+W on a Cyrillic layout', key('ц', 'KeyW', { control: true })],
];

const PASSING: [string, KeyInput][] = [
  ['a', letter('a', {})],
  ['Shift+A', letter('a', { shift: true })],
  ['w (no modifier)', letter('w', {})],
  ['q', letter('q', {})],
  ['digit 0', key('0', 'Digit0')],
  ['-', key('-', 'Minus')],
  ['Enter', key('Enter', 'Enter')],
  ['Space', key(' ', 'Space')],
  ['Tab', key('Tab', 'Tab')],
  ['Backspace', key('Backspace', 'Backspace')],
  ['ArrowLeft', key('ArrowLeft', 'ArrowLeft')],
  ['ArrowRight', key('ArrowRight', 'ArrowRight')],
  ['Ctrl+C (copy)', letter('c', { control: true })],
  ['Ctrl+V (paste)', letter('v', { control: true })],
  ['Ctrl+A', letter('a', { control: true })],
  ['Shift+I', letter('i', { shift: true })],
  ['F1', key('F1', 'F1')],
  ['Alt alone', key('Alt', 'AltLeft', { alt: true })],
  ['Shift alone', key('Shift', 'ShiftLeft', { shift: true })],
];

describe('shouldSwallow', () => {
  it.each(SWALLOWED)('swallows %s', (_name, input) => {
    expect(shouldSwallow(input)).toBe(true);
  });

  it.each(PASSING)('lets %s through', (_name, input) => {
    expect(shouldSwallow(input)).toBe(false);
  });
});

describe('the before-input-event filter', () => {
  it('prevents exactly the swallowed keys on the kiosk page', () => {
    const contents = new FakeWebContents();
    installInputFilter(contents as never);
    for (const [, input] of SWALLOWED) {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, { type: 'keyDown', ...input });
      expect(event.preventDefault).toHaveBeenCalled();
    }
    for (const [, input] of PASSING) {
      const event = { preventDefault: vi.fn() };
      contents.emit('before-input-event', event, { type: 'keyDown', ...input });
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });
});

/**
 * Layouts: what Electron reports (`key` as produced, `code` as the physical position) for the same intent.
 * Rows: layout, what the person pressed, key, code, modifiers, swallowed?
 */
const LAYOUTS: [string, string, string, string, Mods, boolean][] = [
  // Dutch schools mostly use US-International: letters where US has them, dead keys for accents.
  ['US-International', 'Ctrl+W', 'w', 'KeyW', { control: true }, true],
  ['US-International', 'Ctrl+Q', 'q', 'KeyQ', { control: true }, true],
  ['US-International', 'dead key then e (é)', 'Dead', 'Quote', {}, false],
  ['US-International', 'AltGr+E (é)', 'é', 'KeyE', { control: true, alt: true }, false],
  ['US-International', 'Ctrl+Z (undo)', 'z', 'KeyZ', { control: true }, false],
  // Belgian AZERTY: W sits where US has Z, Q where US has A, A where US has Q.
  ['Belgian AZERTY', 'Ctrl+W', 'w', 'KeyZ', { control: true }, true],
  ['Belgian AZERTY', 'Ctrl+Q', 'q', 'KeyA', { control: true }, true],
  ['Belgian AZERTY', 'Ctrl+Z (undo)', 'z', 'KeyW', { control: true }, false],
  ['Belgian AZERTY', 'Ctrl+A (select all)', 'a', 'KeyQ', { control: true }, false],
  ['Belgian AZERTY', 'Ctrl+Shift+I', 'I', 'KeyI', { control: true, shift: true }, true],
  ['Belgian AZERTY', 'AltGr+é (@)', '@', 'Digit2', { control: true, alt: true }, false],
  // German QWERTZ: Z and Y swapped; AltGr+Q is @, AltGr+E is €.
  ['German QWERTZ', 'AltGr+Q (@)', '@', 'KeyQ', { control: true, alt: true }, false],
  ['German QWERTZ', 'AltGr+E (€)', '€', 'KeyE', { control: true, alt: true }, false],
  ['German QWERTZ', 'AltGr+8 ([)', '[', 'Digit8', { control: true, alt: true }, false],
  ['German QWERTZ', 'Ctrl+W', 'w', 'KeyW', { control: true }, true],
  ['German QWERTZ', 'Ctrl+Z (undo, on KeyY)', 'z', 'KeyY', { control: true }, false],
  ['German QWERTZ', 'ß', 'ß', 'Minus', {}, false],
  // Turkish Q: the I position gives dotless ı; the dotted i has its own key.
  ['Turkish Q', 'Ctrl+Shift+I (ı position)', 'I', 'KeyI', { control: true, shift: true }, true],
  ['Turkish Q', 'Ctrl+Shift+İ (i key)', 'İ', 'Quote', { control: true, shift: true }, true],
  ['Turkish Q', 'Ctrl+ı', 'ı', 'KeyI', { control: true }, false],
  ['Turkish Q', 'Ctrl+W', 'w', 'KeyW', { control: true }, true],
  ['Turkish Q', 'ğ', 'ğ', 'BracketLeft', {}, false],
  // Arabic: the letters are Arabic; Chromium's shortcuts follow the US letter of the position.
  ['Arabic', 'Ctrl+W (ص)', 'ص', 'KeyW', { control: true }, true],
  ['Arabic', 'Ctrl+Q (ض)', 'ض', 'KeyQ', { control: true }, true],
  ['Arabic', 'Ctrl+Shift+I', 'ه', 'KeyI', { control: true, shift: true }, true],
  ['Arabic', 'typing ص', 'ص', 'KeyW', {}, false],
  ['Arabic', 'Ctrl+V (ر, paste)', 'ر', 'KeyV', { control: true }, false],
];

describe('shouldSwallow across keyboard layouts (the produced key, with the position only for non-Latin)', () => {
  it.each(LAYOUTS)('%s: %s', (_layout, _what, keyName, code, mods, swallowed) => {
    expect(shouldSwallow(key(keyName, code, mods))).toBe(swallowed);
  });
});
