import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playOne, playSequence, stopAudio } from '../../../../../renderer/kiosk/candidate/audio';

/** An `Audio` that plays until the test says it ended: which sounds started, and in what order. */
class FakeAudio extends EventTarget {
  static started: FakeAudio[] = [];
  paused = false;
  constructor(readonly src: string) {
    super();
  }
  play(): Promise<void> {
    FakeAudio.started.push(this);
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  end(): void {
    this.dispatchEvent(new Event('ended'));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('package sounds', () => {
  beforeEach(() => {
    FakeAudio.started = [];
    vi.stubGlobal('Audio', FakeAudio);
  });
  afterEach(() => {
    stopAudio();
    vi.unstubAllGlobals();
  });

  it('play one after another, each to its end', async () => {
    const seen: number[] = [];
    const done = playSequence(['a', 'b'], true, (i) => seen.push(i));
    await tick();
    FakeAudio.started[0]!.end();
    await tick();
    FakeAudio.started[1]!.end();
    await done;
    expect(FakeAudio.started.map((a) => a.src)).toEqual(['a', 'b']);
    expect(seen).toEqual([0, 1, -1]);
  });

  it('stop at once when a tapped picture cuts in, and do not talk over it afterwards', async () => {
    const seen: number[] = [];
    const done = playSequence(['a', 'b'], true, (i) => seen.push(i));
    await tick();
    const tapped = playOne('picture', true);
    await done;
    expect(seen).toEqual([0, -1]);
    expect(FakeAudio.started[0]!.paused).toBe(true);
    expect(FakeAudio.started.map((a) => a.src)).toEqual(['a', 'picture']);
    FakeAudio.started[1]!.end();
    expect(await tapped).toBe(true);
  });
});
