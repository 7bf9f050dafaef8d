import { useLayoutEffect, useState, type ReactNode } from 'react';
import { DESIGN_HEIGHT, DESIGN_WIDTH, PORTRAIT_DESIGN, fitCanvas, type CanvasFit } from './design-canvas';

interface Fit extends CanvasFit {
  portrait: boolean;
}

/** The kiosk is always landscape; with `turns`, a window taller than wide gets the upright canvas. */
function currentFit(turns: boolean): Fit {
  const portrait = turns && window.innerHeight > window.innerWidth;
  const design = portrait ? PORTRAIT_DESIGN : { width: DESIGN_WIDTH, height: DESIGN_HEIGHT };
  return { ...fitCanvas(window.innerWidth, window.innerHeight, design), portrait };
}

/**
 * A fixed-size stage scaled to the window. Children lay out in design units (1600x1000); the stage
 * re-fits on every resize and orientation change. The scale is published as `--canvas-scale` so drags
 * can turn pointer movement (CSS px) back into design units.
 */
export function DesignCanvas({
  children,
  dir,
  lang,
  textDir,
  turns = false,
}: {
  children: ReactNode;
  dir?: 'ltr' | 'rtl';
  lang?: string;
  /** Where only the text runs in another direction than the layout (the candidate's instruction text). */
  textDir?: 'ltr' | 'rtl';
  /** Turn upright on a portrait screen (the home practice on a phone); the kiosk never does. */
  turns?: boolean;
}) {
  const [fit, setFit] = useState<Fit>(() => currentFit(turns));
  useLayoutEffect(() => {
    const refit = () => setFit(currentFit(turns));
    window.addEventListener('resize', refit);
    window.visualViewport?.addEventListener('resize', refit);
    refit();
    return () => {
      window.removeEventListener('resize', refit);
      window.visualViewport?.removeEventListener('resize', refit);
    };
  }, [turns]);
  return (
    // No context menu (long press) on candidate screens: it only ever confuses.
    <div className="canvas-frame" onContextMenu={(event) => event.preventDefault()}>
      <div
        className="canvas"
        data-orientation={fit.portrait ? 'portrait' : 'landscape'}
        data-scale={fit.scale}
        dir={dir}
        lang={lang}
        data-text-dir={textDir}
        style={{
          width: fit.portrait ? PORTRAIT_DESIGN.width : DESIGN_WIDTH,
          height: fit.portrait ? PORTRAIT_DESIGN.height : DESIGN_HEIGHT,
          transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
