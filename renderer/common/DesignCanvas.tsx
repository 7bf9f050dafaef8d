import { useLayoutEffect, useState, type ReactNode } from 'react';
import { DESIGN_HEIGHT, DESIGN_WIDTH, fitCanvas, type CanvasFit } from './design-canvas';

function currentFit(): CanvasFit {
  return fitCanvas(window.innerWidth, window.innerHeight);
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
}: {
  children: ReactNode;
  dir?: 'ltr' | 'rtl';
  lang?: string;
  /** Where only the text runs in another direction than the layout (the candidate's instruction text). */
  textDir?: 'ltr' | 'rtl';
}) {
  const [fit, setFit] = useState<CanvasFit>(currentFit);
  useLayoutEffect(() => {
    const refit = () => setFit(currentFit());
    window.addEventListener('resize', refit);
    window.visualViewport?.addEventListener('resize', refit);
    refit();
    return () => {
      window.removeEventListener('resize', refit);
      window.visualViewport?.removeEventListener('resize', refit);
    };
  }, []);
  return (
    // No context menu (long press) on candidate screens: it only ever confuses.
    <div className="canvas-frame" onContextMenu={(event) => event.preventDefault()}>
      <div
        className="canvas"
        data-scale={fit.scale}
        dir={dir}
        lang={lang}
        data-text-dir={textDir}
        style={{
          width: DESIGN_WIDTH,
          height: DESIGN_HEIGHT,
          transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
