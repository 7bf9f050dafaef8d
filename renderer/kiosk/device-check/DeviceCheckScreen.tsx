import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallError } from '../../../src/shared/contract';
import {
  deviceReadiness,
  NOT_RUN,
  type CheckId,
  type CheckOutcome,
  type DeviceCheckReport,
  type DeviceConditions,
  type InteractiveChecks,
  type RuleId,
} from '../../../src/shared/device';
import { AudioTest } from './AudioTest';
import { FactsSummary, RuleList } from './FactsSummary';
import { FitTest } from './FitTest';
import { collectPageFacts } from './page-facts';
import { TouchTest } from './TouchTest';
import { startDemo } from '../demo-switch';
import './device-check.css';

const CHECK_TITLE: Record<CheckId, string> = {
  touch: 'Aanraaktest',
  audio: 'Geluidstest',
  fit: 'Schermpassingstest',
};
const CHECK_STATUS: Record<CheckOutcome['status'], string> = {
  'not-run': 'nog niet gedaan',
  passed: 'gelukt',
  failed: 'niet gelukt',
};

const INITIAL_CHECKS: InteractiveChecks = { touch: NOT_RUN, audio: NOT_RUN, fit: NOT_RUN };

/**
 * The afnemer's device check before a sitting: what was measured, every rule with its Dutch explanation,
 * the touch, sound and fit tests, and "Sessie starten", which stays disabled (with the reasons shown) while a
 * block rule fails, a warning is unconfirmed or a test has not passed. The host checks the same rules again.
 * It must fit without scrolling on the small screens it refuses (issue 16, item 9), since that is where the
 * afnemer reads why: rules left, tests right, the reasons and the actions in a footer that is always in view.
 */
export function DeviceCheckScreen({
  onReady,
  onDemo,
  confirmedBy,
  headphones = false,
}: {
  onReady?: (conditions: DeviceConditions) => void;
  /** The host switched to demo after "Demo starten" (offered by development hosts on a refused device). */
  onDemo?: () => void;
  /**
   * The logged-in afnemer's id, when the console runs the check: warnings are then confirmed in their name and
   * no name field is shown (the console allows no free text besides the candidate reference).
   */
  confirmedBy?: string;
  /** More than one candidate in the room: the sound test is done through the headphones. */
  headphones?: boolean;
}) {
  const [report, setReport] = useState<DeviceCheckReport | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [checks, setChecks] = useState<InteractiveChecks>(INITIAL_CHECKS);
  const [confirmed, setConfirmed] = useState<ReadonlySet<RuleId>>(new Set());
  const [afnemer, setAfnemer] = useState('');
  const [conditions, setConditions] = useState<DeviceConditions | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The left column shows the rules or the measured facts, one at a time, so the screen never scrolls.
  const [left, setLeft] = useState<'rules' | 'facts'>('rules');
  // A development host offers a demonstration where the policy refuses the device (src/host/demo-mode.ts).
  const [demoOffered, setDemoOffered] = useState(false);
  const [demoStarted, setDemoStarted] = useState(false);

  useEffect(() => {
    void window.lbt.app.info().then((result) => setDemoOffered(result.ok && result.value.demoOffered));
  }, []);

  const runCheck = useCallback(async () => {
    setConditions(null);
    const result = await window.lbt.device.check({ page: collectPageFacts() });
    if (result.ok) {
      setReport(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void runCheck();
  }, [runCheck]);

  const readiness = useMemo(
    () => (report ? deviceReadiness(report.rules, checks, report.requiredChecks, confirmed) : null),
    [report, checks, confirmed],
  );
  const confirmer = confirmedBy ?? afnemer.trim();
  const needsName = confirmed.size > 0 && confirmer === '';
  const reasons = [
    ...(readiness?.reasons ?? []),
    ...(needsName ? ['Vul uw naam in bij de bevestiging.'] : []),
  ];
  const canStart = !!readiness?.canStart && !needsName;

  const setCheck = (id: CheckId) => (outcome: CheckOutcome) =>
    setChecks((current) => ({ ...current, [id]: outcome }));
  const toggle = (rule: RuleId, yes: boolean) =>
    setConfirmed((current) => {
      const next = new Set(current);
      if (yes) next.add(rule);
      else next.delete(rule);
      return next;
    });

  const demo = async () => {
    const refused = await startDemo();
    setRefusal(refused);
    if (refused !== null) return;
    setDemoOffered(false);
    setDemoStarted(true);
    onDemo?.();
  };
  const refused = report?.rules.some((rule) => rule.status === 'block') === true;

  const start = async () => {
    const result = await window.lbt.device.confirm({
      checks,
      confirmations: [...confirmed].map((rule) => ({ rule, confirmedBy: confirmer })),
    });
    if (result.ok) {
      setConditions(result.value);
      setRefusal(null);
      onReady?.(result.value);
    } else setRefusal(result.error.message);
  };

  return (
    <main className="device-check" data-testid="device-check">
      <header className="dc-head">
        <h1>Apparaatcontrole</h1>
        {report && <Verdict report={report} />}
      </header>
      <div className="dc-body">
        {error && <p role="alert">{error.message}</p>}
        {!report && !error && <p>Het apparaat wordt gemeten…</p>}
        {report && (
          <>
            <section className="dc-column" aria-labelledby="dc-left-title">
              <h2 id="dc-left-title" className="dc-visually-hidden">
                Regels en gemeten gegevens
              </h2>
              <div className="dc-switch" role="group" aria-label="Wat u ziet">
                <button type="button" aria-pressed={left === 'rules'} onClick={() => setLeft('rules')}>
                  Regels
                </button>
                <button
                  type="button"
                  aria-pressed={left === 'facts'}
                  onClick={() => setLeft('facts')}
                  data-testid="show-facts"
                >
                  Gemeten gegevens
                </button>
              </div>
              {left === 'rules' ? (
                <>
                  <RuleList rules={report.rules} confirmed={confirmed} onConfirm={toggle} />
                  {confirmedBy === undefined && report.rules.some((rule) => rule.status === 'warn') && (
                    <label className="dc-name">
                      Naam afnemer (voor de bevestiging){' '}
                      <input
                        value={afnemer}
                        onChange={(event) => setAfnemer(event.target.value)}
                        data-testid="afnemer-name"
                      />
                    </label>
                  )}
                </>
              ) : (
                <FactsSummary report={report} />
              )}
            </section>
            <section className="dc-column" aria-labelledby="dc-tests-title">
              <h2 id="dc-tests-title">Testen op het apparaat</h2>
              {report.requiredChecks.map((id) => (
                <div
                  key={id}
                  className={`dc-check is-${checks[id].status}`}
                  data-testid={`check-${id}`}
                  data-status={checks[id].status}
                >
                  <h3>
                    {CHECK_TITLE[id]}: <span>{CHECK_STATUS[checks[id].status]}</span>
                  </h3>
                  {id === 'touch' && <TouchTest onResult={setCheck('touch')} />}
                  {id === 'audio' && <AudioTest onResult={setCheck('audio')} headphones={headphones} />}
                  {id === 'fit' && <FitTest onResult={setCheck('fit')} />}
                </div>
              ))}
            </section>
          </>
        )}
      </div>
      {/* The footer is always in view: the reasons why the sitting cannot start yet, and the two actions. */}
      <footer className="dc-start" aria-label="Sessie starten">
        <div className="dc-start-text">
          {reasons.length > 0 && (
            <ul
              className="dc-reasons"
              data-testid="start-reasons"
              aria-label="Waarom de sessie nog niet kan starten"
            >
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {refusal && <p role="alert">{refusal}</p>}
          {demoStarted && (
            <p className="dc-ok" data-testid="demo-started" role="status">
              Demonstratie gestart: het apparaat wordt niet getoetst, niets telt mee.
            </p>
          )}
          {conditions && (
            <p className="dc-ok" data-testid="device-confirmed" role="status">
              Apparaat goedgekeurd. De afnamecondities zijn vastgelegd.
            </p>
          )}
        </div>
        <div className="dc-start-actions">
          <button type="button" className="dc-secondary" onClick={() => void runCheck()}>
            Opnieuw meten
          </button>
          {refused && demoOffered && (
            <button
              type="button"
              className="dc-secondary"
              onClick={() => void demo()}
              data-testid="start-demo"
              title="Alleen in ontwikkeling: een demonstratie op dit scherm, met watermerk; de uitslag telt nergens mee."
            >
              Demo starten
            </button>
          )}
          <button
            type="button"
            className="dc-primary"
            disabled={!canStart}
            onClick={() => void start()}
            data-testid="start-session"
          >
            Sessie starten
          </button>
        </div>
      </footer>
    </main>
  );
}

/** One line at the top, so the afnemer sees at once whether this laptop can be used (the details follow). */
function Verdict({ report }: { report: DeviceCheckReport }) {
  const blocks = report.rules.filter((rule) => rule.status === 'block').length;
  const warns = report.rules.filter((rule) => rule.status === 'warn').length;
  const text =
    blocks > 0
      ? `Dit apparaat voldoet niet aan ${blocks === 1 ? 'één regel' : `${blocks} regels`}: de sessie kan niet starten.`
      : warns > 0
        ? `Dit apparaat voldoet, met ${warns === 1 ? 'één waarschuwing' : `${warns} waarschuwingen`} die u moet bevestigen.`
        : 'Dit apparaat voldoet aan alle regels. Doe nu de testen rechts.';
  return (
    <p
      className={`dc-verdict ${blocks > 0 ? 'is-block' : warns > 0 ? 'is-warn' : 'is-pass'}`}
      data-testid="device-verdict"
      role="status"
    >
      {text}
    </p>
  );
}
