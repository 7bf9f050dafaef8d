import { useState, type PointerEvent } from 'react';
import type { CheckOutcome } from '../../../src/shared/device';

const TARGETS = ['linksboven', 'rechtsboven', 'linksonder', 'rechtsonder'] as const;

/**
 * Four targets in the corners of the test area, to be tapped with a finger. Only `pointerType === 'touch'`
 * counts: a mouse or pen tap is shown as not counted, so a laptop without a working touchscreen cannot pass.
 */
export function TouchTest({ onResult }: { onResult: (outcome: CheckOutcome) => void }) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [ignored, setIgnored] = useState(0);

  const tap = (target: string) => (event: PointerEvent<HTMLButtonElement>) => {
    if (event.pointerType !== 'touch') {
      setIgnored((count) => count + 1);
      return;
    }
    if (touched.has(target)) return;
    const next = new Set(touched).add(target);
    setTouched(next);
    if (next.size === TARGETS.length) {
      onResult({
        status: 'passed',
        at: new Date().toISOString(),
        detail: `${TARGETS.length} van ${TARGETS.length} doelen met de vinger aangetikt; ${ignored} tik(ken) met muis of pen niet meegeteld.`,
      });
    }
  };

  return (
    <div className="touch-test">
      <p>
        Tik met uw vinger op de vier rondjes. Een muisklik telt niet.{' '}
        <span data-testid="touch-count">
          {touched.size} van {TARGETS.length} aangetikt
        </span>
        {ignored > 0 && (
          <span data-testid="touch-ignored" className="dc-note">
            {' '}
            ({ignored} keer met muis of pen: niet meegeteld)
          </span>
        )}
      </p>
      {/* The way out sits in the middle of the area, between the targets, so the card stays low. */}
      <div className="touch-area">
        {TARGETS.map((target) => (
          <button
            key={target}
            type="button"
            className={`touch-target touch-${target}${touched.has(target) ? ' is-touched' : ''}`}
            data-testid={`touch-target-${target}`}
            aria-label={`Doel ${target}`}
            aria-pressed={touched.has(target)}
            onPointerDown={tap(target)}
          />
        ))}
        <button
          type="button"
          className="dc-secondary touch-give-up"
          onClick={() =>
            onResult({
              status: 'failed',
              at: new Date().toISOString(),
              detail: `Afnemer: aanraken werkt niet (${touched.size} van ${TARGETS.length} met de vinger).`,
            })
          }
        >
          Aanraken werkt niet
        </button>
      </div>
    </div>
  );
}
