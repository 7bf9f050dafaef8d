import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../src/shared/contract';

const SHELL_LABEL: Record<AppInfo['shell'], string> = {
  electron: 'Electron-kiosk (volledige lockdown)',
  chromium: 'Chromium-shell (beperkte lockdown)',
};

/** Which shell, version and item package run: one quiet line for a support call. */
export function KioskInfo() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.lbt.app.info().then((result) => result.ok && setInfo(result.value));
  }, []);
  if (!info) return null;
  return (
    <dl className="kiosk-info" aria-label="Kiosk-gegevens">
      <dt>Shell</dt>
      <dd data-testid="shell-kind" data-shell={info.shell}>
        {SHELL_LABEL[info.shell]}
      </dd>
      <dt>Versie</dt>
      <dd data-testid="app-version">{info.version}</dd>
      <dt>Toetspakket</dt>
      <dd data-testid="package-id">{info.packageId ?? 'geen pakket geladen'}</dd>
    </dl>
  );
}
