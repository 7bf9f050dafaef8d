import { useEffect, useState } from 'react';
import { onDemoStarted } from './demo-switch';

/**
 * "demo — geen geldige afname" on every screen of a demonstration host (`--demo`), candidate and console alike.
 * The host's app.info decides, never the page; it is read again when a development host switched to demo. Fixed in a corner, clicks pass through it, and it adds no
 * height to any screen, so it can never cause a scrollbar.
 */
export function DemoWatermark() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    const read = () => void window.lbt.app.info().then((result) => setDemo(result.ok && result.value.demo));
    read();
    return onDemoStarted(read);
  }, []);
  if (!demo) return null;
  return (
    <div className="demo-watermark" data-testid="demo-watermark" role="note">
      demo — geen geldige afname
    </div>
  );
}
