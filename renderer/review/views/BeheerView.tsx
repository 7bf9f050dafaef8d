import { useState } from 'react';
import type { CalibrationListResponse } from '../../../src/shared/review';
import { call, type ApiError } from '../api/client';
import { useCall } from '../api/use-resource';
import { formatCount, formatDateTime } from '../format';
import { Loaded } from '../parts/common';
import type { BeheerTabId } from '../route';
import { CalibrationView } from './CalibrationView';
import { DifView } from './DifView';
import { StandardSettingView } from './StandardSettingView';

type PackageEntry = CalibrationListResponse['packages'][number];

/**
 * The beheerder's psychometric views: one bar to choose the package version and its stored calibration (or
 * run a new one), then the chosen tab on that calibration. The choice is kept while the beheerder changes tab.
 */
export function BeheerView({ tab }: { tab: BeheerTabId }) {
  const [version, setVersion] = useState(0);
  const list = useCall('calibrations', {}, version);
  const [packageHash, setPackageHash] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);

  async function run(pkg: PackageEntry) {
    setRunning(true);
    setRunError(null);
    try {
      const summary = await call('runCalibration', { body: { packageHash: pkg.packageHash } });
      setPackageHash(pkg.packageHash);
      setReportId(summary.reportId);
      setVersion((n) => n + 1);
    } catch (error) {
      setRunError((error as ApiError).message);
    } finally {
      setRunning(false);
    }
  }

  return (
    <Loaded resource={list}>
      {(data) => {
        const pkg = data.packages.find((p) => p.packageHash === packageHash) ?? data.packages[0];
        if (!pkg)
          return <p className="muted">Er zijn nog geen uitslagen opgeslagen: er valt niets te kalibreren.</p>;
        const chosen = pkg.calibrations.find((c) => c.reportId === reportId) ?? pkg.calibrations[0];
        return (
          <div className="grid-beheer">
            <div className="calibration-bar" role="group" aria-label="Kalibratie kiezen">
              {data.packages.length > 1 && (
                <label className="inline-field">
                  Itempakket
                  <select
                    value={pkg.packageHash}
                    onChange={(event) => {
                      setPackageHash(event.target.value);
                      setReportId(null);
                    }}
                  >
                    {data.packages.map((p) => (
                      <option key={p.packageHash} value={p.packageHash}>
                        {p.definitionId} {p.definitionVersion}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {data.packages.length === 1 && (
                <span>
                  <strong>
                    {pkg.definitionId} {pkg.definitionVersion}
                  </strong>{' '}
                  · {formatCount(pkg.results)} uitslagen
                </span>
              )}
              {pkg.calibrations.length > 0 && (
                <label className="inline-field">
                  Kalibratie
                  <select value={chosen?.reportId} onChange={(event) => setReportId(event.target.value)}>
                    {pkg.calibrations.map((c) => (
                      <option key={c.reportId} value={c.reportId}>
                        {formatDateTime(c.createdAt)} · {formatCount(c.resultCount)} afnames
                        {c.valid ? '' : ' · handtekening ongeldig'}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button type="button" className="primary" disabled={running} onClick={() => void run(pkg)}>
                Kalibratie uitvoeren
              </button>
              {running && (
                <span role="status" className="muted">
                  Kalibratie loopt…
                </span>
              )}
              {runError && (
                <span role="alert" className="error">
                  {runError}
                </span>
              )}
            </div>
            {chosen ? (
              <ChosenCalibration key={chosen.reportId} id={chosen.reportId} tab={tab} pkg={pkg} />
            ) : (
              <p className="muted">
                Voor dit itempakket is nog geen kalibratie opgeslagen. Kies &quot;Kalibratie uitvoeren&quot;:
                daarvoor zijn minstens 200 volledige afnames nodig.
              </p>
            )}
          </div>
        );
      }}
    </Loaded>
  );
}

function ChosenCalibration({ id, tab, pkg }: { id: string; tab: BeheerTabId; pkg: PackageEntry }) {
  const calibration = useCall('calibration', { params: { id } });
  return (
    <Loaded resource={calibration}>
      {(data) =>
        tab === 'kalibratie' ? (
          <CalibrationView data={data} cesuur={pkg.cesuur} />
        ) : tab === 'dif' ? (
          <DifView record={data.record} />
        ) : (
          <StandardSettingView record={data.record} packageHash={pkg.packageHash} />
        )
      }
    </Loaded>
  );
}
