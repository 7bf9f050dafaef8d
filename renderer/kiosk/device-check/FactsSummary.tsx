import type { DeviceCheckReport, RuleId, RuleOutcome } from '../../../src/shared/device';

const RULE_LABEL: Record<RuleId, string> = {
  minResolution: 'Resolutie',
  scaleFactors: 'Schaal',
  diagonalInches: 'Schermgrootte',
  touch: 'Aanraakscherm',
  singleDisplay: 'Aantal schermen',
  battery: 'Stroom',
  freeDisk: 'Schijfruimte',
  kioskAccount: 'Kioskaccount',
};

const STATUS_LABEL: Record<RuleOutcome['status'], string> = {
  pass: 'In orde',
  warn: 'Waarschuwing',
  block: 'Geblokkeerd',
};

/** Every rule with its verdict and the plain-Dutch explanation; warnings get a confirmation box. */
export function RuleList({
  rules,
  confirmed,
  onConfirm,
}: {
  rules: RuleOutcome[];
  confirmed: ReadonlySet<RuleId>;
  onConfirm: (rule: RuleId, yes: boolean) => void;
}) {
  return (
    <ul className="dc-rules" aria-label="Regels voor het apparaat">
      {rules.map((rule) => (
        <li
          key={rule.rule}
          className={`dc-rule is-${rule.status}`}
          data-testid={`rule-${rule.rule}`}
          data-status={rule.status}
        >
          <span className="dc-rule-name">{RULE_LABEL[rule.rule]}</span>
          <span className="dc-rule-status">{STATUS_LABEL[rule.status]}</span>
          <span className="dc-rule-text">{rule.explanation}</span>
          {rule.status === 'warn' && (
            <label className="dc-confirm">
              <input
                type="checkbox"
                checked={confirmed.has(rule.rule)}
                onChange={(event) => onConfirm(rule.rule, event.target.checked)}
                data-testid={`confirm-${rule.rule}`}
              />
              Ik heb dit gecontroleerd en accepteer deze afwijking (komt in het resultaat).
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}

function yesNo(value: boolean | null): string {
  return value === null ? 'onbekend' : value ? 'ja' : 'nee';
}

/** The measured facts in a short table, so the afnemer can tell a support desk what the laptop is. */
export function FactsSummary({ report }: { report: DeviceCheckReport }) {
  const { facts } = report;
  const display = facts.displays.find((d) => d.primary) ?? facts.displays[0];
  const rows: [string, string][] = [
    ['Shell', facts.shell === 'electron' ? 'Electron-kiosk' : 'Chromium-shell (beperkte lockdown)'],
    [
      'Scherm (pixels)',
      display ? `${display.physicalPixels.width}×${display.physicalPixels.height}` : 'onbekend',
    ],
    ['Schaal', display ? `${Math.round(display.scaleFactor * 100)}%` : 'onbekend'],
    [
      'Schermgrootte',
      display?.diagonalInches ? `${display.diagonalInches.toFixed(1).replace('.', ',')} inch` : 'onbekend',
    ],
    [
      'Aanraakscherm',
      display ? { available: 'ja', unavailable: 'nee', unknown: 'onbekend' }[display.touch] : 'onbekend',
    ],
    ['Aantal schermen', String(facts.displayCount)],
    ['Op accu', yesNo(facts.power.onBattery)],
    ['Accu', facts.power.batteryPercent === null ? 'onbekend' : `${Math.round(facts.power.batteryPercent)}%`],
    [
      'Vrije schijfruimte',
      facts.disk.freeMegabytes === null ? 'onbekend' : `${Math.floor(facts.disk.freeMegabytes)} MB`,
    ],
    ['Geluidskaarten', facts.audio.outputDevices === null ? 'onbekend' : String(facts.audio.outputDevices)],
    ['Besturingssysteem', `${facts.os.platform} ${facts.os.release}`],
    ['Kioskaccount', facts.kioskAccount.detected ? `ja (${facts.kioskAccount.account ?? ''})` : 'nee'],
    ['Versie', facts.appVersion],
    ['Beleid', `versie ${report.policy.version}`],
  ];
  return (
    <dl className="dc-facts" aria-label="Gemeten apparaatgegevens" data-testid="device-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
