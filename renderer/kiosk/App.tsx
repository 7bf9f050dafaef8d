import { useEffect, useState } from 'react';
import type { AppInfo, CallError } from '../../src/shared/contract';
import { CandidateEntry } from './candidate/CandidateEntry';
import { DeviceCheckScreen } from './device-check';

const SHELL_LABEL: Record<AppInfo['shell'], string> = {
  electron: 'Electron-kiosk (volledige lockdown)',
  chromium: 'Chromium-shell (beperkte lockdown)',
};

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
    default:
      return <StartScreen />;
  }
}

/** Start screen until the console arrives: shows which shell and package are running. */
function StartScreen() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    void window.lbt.app.info().then((result) => (result.ok ? setInfo(result.value) : setError(result.error)));
  }, []);

  return (
    <main className="screen">
      <h1>LBT Kiosk</h1>
      {error && <p role="alert">{error.message}</p>}
      {info && (
        <dl aria-label="Kiosk-gegevens">
          <dt>Shell</dt>
          <dd data-testid="shell-kind" data-shell={info.shell}>
            {SHELL_LABEL[info.shell]}
          </dd>
          <dt>Versie</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Toetspakket</dt>
          <dd data-testid="package-id">{info.packageId ?? 'geen pakket geladen'}</dd>
        </dl>
      )}
    </main>
  );
}
