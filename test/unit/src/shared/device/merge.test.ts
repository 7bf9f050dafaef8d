import { describe, expect, it } from 'vitest';
import { mergeDeviceFacts, type DisplayFacts } from '../../../../../src/shared/device';
import { host, page, panelFrom } from '../../../../support/device-sample-facts';

const base = { appVersion: '1.0.0', collectedAt: '2026-11-22T10:00:00.000Z' };

function shellDisplay(id: string, primary: boolean, overrides: Partial<DisplayFacts> = {}): DisplayFacts {
  return {
    id,
    primary,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    scaleFactor: 1,
    physicalPixels: { width: 1920, height: 1080 },
    touch: 'available',
    sizeMm: null,
    diagonalInches: null,
    sizeSource: null,
    ...overrides,
  };
}

describe('merging page, host and shell facts', () => {
  it('in the Chromium host, builds the display from the page and gives it the only panel', () => {
    const facts = mergeDeviceFacts(
      page({ screen: { width: 1536, height: 864 }, devicePixelRatio: 1.25 }),
      host(),
      {
        ...base,
        shell: 'chromium',
      },
    );
    expect(facts.displays).toEqual([
      expect.objectContaining({
        primary: true,
        scaleFactor: 1.25,
        physicalPixels: { width: 1920, height: 1080 },
        touch: 'available',
        diagonalInches: 15.6,
        sizeSource: 'edid-dtd',
      }),
    ]);
    expect(facts.displayCount).toBe(1);
  });

  it('in Electron, uses the screen API displays and pairs panels in order when the counts match', () => {
    const facts = mergeDeviceFacts(
      null,
      host({ panels: [panelFrom('15.6'), panelFrom('17.3', 'HDMI-A-1')], connectedDisplays: 2 }),
      { ...base, shell: 'electron', shellDisplays: [shellDisplay('1', true), shellDisplay('2', false)] },
    );
    expect(facts.displays.map((d) => [d.id, d.diagonalInches])).toEqual([
      ['1', 15.6],
      ['2', 17.3],
    ]);
    expect(facts.displayCount).toBe(2);
  });

  it('gives the primary display the built-in panel when counts differ, and guesses nothing else', () => {
    const facts = mergeDeviceFacts(
      null,
      host({ panels: [panelFrom('17.3', 'DP-1'), panelFrom('13.3', 'eDP-1'), panelFrom('15.6', 'DP-2')] }),
      { ...base, shell: 'electron', shellDisplays: [shellDisplay('1', true), shellDisplay('2', false)] },
    );
    expect(facts.displays.map((d) => d.diagonalInches)).toEqual([13.3, null]);
    const ambiguous = mergeDeviceFacts(
      page(),
      host({ panels: [panelFrom('17.3', 'DP-1'), panelFrom('15.6', 'DP-2')], connectedDisplays: 2 }),
      { ...base, shell: 'chromium' },
    );
    expect(ambiguous.displays[0]!.diagonalInches).toBeNull();
  });

  it('keeps a size the shell already knows, and has no display without page or shell', () => {
    const known = shellDisplay('1', true, {
      diagonalInches: 14.0,
      sizeMm: { width: 310, height: 174 },
      sizeSource: 'wmi',
    });
    const facts = mergeDeviceFacts(null, host(), { ...base, shell: 'electron', shellDisplays: [known] });
    expect(facts.displays[0]!.diagonalInches).toBe(14.0);
    const none = mergeDeviceFacts(null, host({ connectedDisplays: null }), { ...base, shell: 'chromium' });
    expect(none.displays).toEqual([]);
    expect(none.displayCount).toBe(0);
  });
});
