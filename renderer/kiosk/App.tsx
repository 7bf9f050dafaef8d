import { CandidateEntry } from './candidate/CandidateEntry';
import { ConsoleApp } from './console/ConsoleApp';
import { DeviceCheckScreen } from './device-check';

/** Picks the page's view from `?view=`; keep this a flat switch, one line per view. */
export function App() {
  const params = new URLSearchParams(window.location.search);
  switch (params.get('view')) {
    // Pre-console entry point (issue 4): opens a test sitting directly; the afnemer console replaces it.
    case 'candidate':
      return <CandidateEntry params={params} />;
    // Afnemer's device check (issue 7), reachable directly until the console hosts it.
    case 'device-check':
      return <DeviceCheckScreen />;
    // The afnemer console (issue 8): the kiosk's own start; it hands over to the candidate flow.
    default:
      return <ConsoleApp />;
  }
}
