import { useEffect, useState } from 'react';
import type { AppInfo, CallError } from '../../src/shared/contract';

const SHELL_LABEL: Record<AppInfo['shell'], string> = {
  electron: 'Electron-kiosk (volledige lockdown)',
  chromium: 'Chromium-shell (beperkte lockdown)',
};

/** Start screen until the console and candidate flow arrive: shows which shell and package are running. */
export function App() {
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
