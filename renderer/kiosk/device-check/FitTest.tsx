import { useLayoutEffect, useRef, useState } from 'react';
import type { CheckOutcome } from '../../../src/shared/device';
import { DESIGN_HEIGHT, DESIGN_WIDTH, fitCanvas } from '../../common/design-canvas';

/**
 * The canvas may be drawn smaller than designed only so far: below this scale pictures and tap targets get
 * smaller than on the prescribed laptop (1920×1080 gives 1.08).
 */
export const MIN_FIT_SCALE = 1.0;

const CORNERS = ['linksboven', 'rechtsboven', 'linksonder', 'rechtsonder'] as const;

interface Measurement {
  ok: boolean;
  text: string;
}

/** Measures what the candidate screens will get: every corner of the canvas on screen, at a large enough scale. */
function measure(win: Window, markers: HTMLElement[], scale: number): Measurement {
  const cut = markers.filter((marker) => {
    const rect = marker.getBoundingClientRect();
    return (
      rect.left < 0 ||
      rect.top < 0 ||
      rect.right > win.innerWidth + 0.5 ||
      rect.bottom > win.innerHeight + 0.5
    );
  });
  if (cut.length > 0) return { ok: false, text: `${cut.length} hoek(en) vallen buiten beeld.` };
  const percentage = Math.round(scale * 100);
  if (scale < MIN_FIT_SCALE)
    return {
      ok: false,
      text: `Het toetsbeeld past alleen verkleind (${percentage}%); plaatjes en knoppen worden dan kleiner dan bedoeld.`,
    };
  return { ok: true, text: `Het hele toetsbeeld past op het scherm (${percentage}%).` };
}

/** Shows the design canvas with a marker in each corner; the afnemer confirms all four are fully visible. */
export function FitTest({ onResult }: { onResult: (outcome: CheckOutcome) => void }) {
  const [open, setOpen] = useState(false);
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const markers = useRef<(HTMLElement | null)[]>([]);
  const fit = fitCanvas(window.innerWidth, window.innerHeight);

  useLayoutEffect(() => {
    if (!open) return;
    setMeasurement(
      measure(
        window,
        markers.current.filter((m): m is HTMLElement => m !== null),
        fit.scale,
      ),
    );
  }, [open, fit.scale]);

  const finish = (passed: boolean) => {
    setOpen(false);
    onResult({
      status: passed ? 'passed' : 'failed',
      at: new Date().toISOString(),
      detail: passed
        ? (measurement?.text ?? null)
        : `${measurement?.text ?? ''} Afnemer: niet alles zichtbaar.`.trim(),
    });
  };

  if (!open)
    return (
      <div className="fit-test">
        <p>
          Toont het toetsbeeld met een blokje in elke hoek. Controleer dat alle vier de blokjes helemaal te
          zien zijn.
        </p>
        <button type="button" onClick={() => setOpen(true)} data-testid="fit-open">
          Toon toetsbeeld
        </button>
      </div>
    );

  return (
    <div className="fit-overlay" data-testid="fit-overlay">
      <div
        className="fit-canvas"
        style={{
          left: fit.left,
          top: fit.top,
          width: DESIGN_WIDTH * fit.scale,
          height: DESIGN_HEIGHT * fit.scale,
        }}
      >
        {CORNERS.map((corner, index) => (
          <div
            key={corner}
            className={`fit-corner fit-${corner}`}
            data-testid={`fit-corner-${corner}`}
            ref={(element) => {
              markers.current[index] = element;
            }}
          />
        ))}
        <div className="fit-panel">
          <p data-testid="fit-measurement">{measurement?.text ?? 'Meten…'}</p>
          <button
            type="button"
            disabled={!measurement?.ok}
            onClick={() => finish(true)}
            data-testid="fit-confirm"
          >
            Ik zie alle vier de hoeken
          </button>
          <button
            type="button"
            className="dc-secondary"
            onClick={() => finish(false)}
            data-testid="fit-reject"
          >
            Niet alles zichtbaar
          </button>
        </div>
      </div>
    </div>
  );
}
