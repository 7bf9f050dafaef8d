import { describe, expect, it } from 'vitest';
import { afterPaint } from '../../../../../renderer/kiosk/candidate/after-paint';

/** A window with hand-driven frames and timers: the test says when a frame begins and how much time passes. */
function fakeWindow() {
  let now = 0;
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; run: () => void }>();
  const win = {
    requestAnimationFrame: (run: () => void) => (frames.set(nextId, run), nextId++),
    cancelAnimationFrame: (id: number) => void frames.delete(id),
    setTimeout: (run: () => void, ms = 0) => (timers.set(nextId, { at: now + ms, run }), nextId++),
    clearTimeout: (id: number) => void timers.delete(id),
  };
  return {
    win: win as unknown as Window,
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const run of due) run();
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now || !timers.has(id)) continue;
        timers.delete(id);
        timer.run();
      }
    },
  };
}

describe('afterPaint', () => {
  it('runs the task only after two frames have begun and the settle time has passed, once', () => {
    const fake = fakeWindow();
    let runs = 0;
    afterPaint(() => runs++, fake.win);
    fake.frame();
    fake.advance(150);
    expect(runs).toBe(0); // one frame is not enough
    fake.frame();
    fake.advance(99);
    expect(runs).toBe(0);
    fake.advance(1);
    expect(runs).toBe(1);
    fake.frame();
    fake.advance(1000);
    expect(runs).toBe(1);
  });

  it('still runs the task when the page produces no frames', () => {
    const fake = fakeWindow();
    let runs = 0;
    afterPaint(() => runs++, fake.win);
    fake.advance(399);
    expect(runs).toBe(0);
    fake.advance(1);
    expect(runs).toBe(1);
  });

  it('never runs a cancelled task', () => {
    const fake = fakeWindow();
    let runs = 0;
    const cancel = afterPaint(() => runs++, fake.win);
    fake.frame();
    cancel();
    fake.frame();
    fake.advance(1000);
    expect(runs).toBe(0);
  });
});
