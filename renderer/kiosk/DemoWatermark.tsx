import { useEffect, useState } from 'react';

/**
 * "demo — geen geldige afname" on every screen of a demonstration host (`--demo`), candidate and console alike.
 * The host's app.info decides, never the page. Fixed in a corner, clicks pass through it, and it adds no
 * height to any screen, so it can never cause a scrollbar.
 */
export function DemoWatermark() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    void window.lbt.app.info().then((result) => setDemo(result.ok && result.value.demo));
  }, []);
  if (!demo) return null;
  return (
    <div className="demo-watermark" data-testid="demo-watermark" role="note">
      demo — geen geldige afname
    </div>
  );
}
