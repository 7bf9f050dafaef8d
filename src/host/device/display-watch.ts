/**
 * The display during the whole sitting, not only its first minute (issue 16, point 10). Either shell reports
 * that the display may have changed: the page after a resize or a resolution change (`device.watch`), the
 * Electron shell on its screen events. The host measures again under the device policy of the check (one home
 * for the rules: src/shared/device/evaluate.ts); a different measurement is journaled as `display.changed`,
 * and one that breaks the policy pauses the sitting for the afnemer. A demonstration host records but never
 * pauses: a demo runs on any window.
 */
import {
  brokenDisplayRules,
  displayMeasurementOf,
  sameMeasurement,
  windowAsScreen,
  type DisplayMeasurement,
  type PageFacts,
} from '../../shared/device';
import type { SessionView } from '../../shared/session';
import type { SessionService } from '../session/session-service';
import type { DeviceService } from './service';

export interface DisplayWatchOptions {
  device: Pick<DeviceService, 'watch' | 'current'>;
  session: Pick<SessionService, 'state' | 'view' | 'record' | 'dispatch'>;
  log?: (message: string, error?: unknown) => void;
}

export interface DisplayWatch {
  /** Measures again; answers the sitting's view (null without one) after recording and pausing as needed. */
  changed(source: 'page' | 'shell', page: PageFacts | null): Promise<SessionView | null>;
}

export function createDisplayWatch(options: DisplayWatchOptions): DisplayWatch {
  const { device, session } = options;
  /** The last measurement recorded per sitting, so a resize drag of twenty events is one change, not twenty. */
  let last: { sessionId: string; measurement: DisplayMeasurement } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const measureAndRecord = async (
    source: 'page' | 'shell',
    page: PageFacts | null,
  ): Promise<SessionView | null> => {
    const state = session.state();
    const sessionId = state?.session?.sessionId;
    if (!state || !sessionId || (state.status !== 'active' && state.status !== 'paused'))
      return session.view();
    const { facts, rules } = await device.watch(page ? windowAsScreen(page) : null);
    const measurement = displayMeasurementOf(facts);
    if (!measurement) return session.view();
    const confirmed = device.current();
    const before =
      last?.sessionId === sessionId
        ? last.measurement
        : confirmed
          ? displayMeasurementOf(confirmed.facts)
          : null;
    if (sameMeasurement(before, measurement)) return session.view();
    last = { sessionId, measurement };
    const broken = brokenDisplayRules(rules);
    await session.record({ type: 'display.changed', source, measurement, broken });
    // A demo sitting (marked in its opening event by the host's start option) records but never pauses.
    const demo = state.session?.demo === true;
    if (broken.length > 0 && !demo && session.state()?.status === 'active') {
      await session.dispatch({ type: 'session.paused', reason: 'display-changed' });
    }
    return session.view();
  };

  return {
    changed(source, page) {
      // One measurement at a time, so two reports of the same change are compared, not raced.
      const run = queue.then(
        () => measureAndRecord(source, page),
        () => measureAndRecord(source, page),
      );
      queue = run.catch((error: unknown) => options.log?.('display watch', error));
      return run;
    },
  };
}
