import { decimal, orList, percent, pixels } from './dutch';
import type { DeviceFacts, DisplayFacts } from './facts';
import type { RuleOutcome } from './outcomes';
import type { DevicePolicy, RuleId } from './policy';

/** The display the kiosk runs on: the primary one, or the first when none is marked. */
export function kioskDisplay(facts: DeviceFacts): DisplayFacts | null {
  return facts.displays.find((display) => display.primary) ?? facts.displays[0] ?? null;
}

type Verdict = { ok: boolean | null; observed: string | null; explanation: string };

function outcome(policy: DevicePolicy, rule: RuleId, verdict: Verdict): RuleOutcome {
  const severity = policy[rule].severity;
  // A fact that could not be measured never passes silently: the afnemer must look and confirm.
  const status = verdict.ok === true ? 'pass' : verdict.ok === null ? 'warn' : severity;
  return { rule, severity, status, observed: verdict.observed, explanation: verdict.explanation };
}

const SCALE_EPSILON = 0.01;

function resolution(policy: DevicePolicy, display: DisplayFacts | null): Verdict {
  const { width, height } = policy.minResolution;
  const need = pixels(width, height);
  if (!display)
    return {
      ok: null,
      observed: null,
      explanation: `Er is geen scherm gevonden; minimaal ${need} is nodig.`,
    };
  const { width: w, height: h } = display.physicalPixels;
  const seen = pixels(w, h);
  return w >= width && h >= height
    ? { ok: true, observed: seen, explanation: `Het scherm is ${seen}; minimaal ${need} is nodig. In orde.` }
    : {
        ok: false,
        observed: seen,
        explanation: `Het scherm is ${seen}; minimaal ${need} is nodig zodat alles zonder scrollen zichtbaar is.`,
      };
}

function scale(policy: DevicePolicy, display: DisplayFacts | null): Verdict {
  const allowed = orList(policy.scaleFactors.allowed.map(percent));
  if (!display)
    return {
      ok: null,
      observed: null,
      explanation: `De schaal kon niet worden bepaald; toegestaan is ${allowed}.`,
    };
  const seen = percent(display.scaleFactor);
  const ok = policy.scaleFactors.allowed.some((s) => Math.abs(s - display.scaleFactor) < SCALE_EPSILON);
  return ok
    ? { ok, observed: seen, explanation: `De schaal staat op ${seen}. In orde.` }
    : {
        ok,
        observed: seen,
        explanation: `De schaal (zoomfactor) van het besturingssysteem staat op ${seen}; alleen ${allowed} is toegestaan, anders zijn plaatjes en knoppen groter dan bedoeld en past niet alles op het scherm. Zet de schaal in de beeldscherminstellingen op ${percent(policy.scaleFactors.allowed[0]!)}.`,
      };
}

function diagonal(policy: DevicePolicy, display: DisplayFacts | null): Verdict {
  const { min, max } = policy.diagonalInches;
  const range = `tussen ${decimal(min)} en ${decimal(max)} inch`;
  const inches = display?.diagonalInches ?? null;
  if (inches === null)
    return {
      ok: null,
      observed: null,
      explanation: `De schermgrootte kon niet worden gemeten; controleer zelf dat het scherm ${range} is (diagonaal gemeten).`,
    };
  const seen = `${decimal(inches)} inch`;
  // Compare at the one decimal the afnemer sees, so a 15,95-inch panel is not refused for rounding.
  const shown = Math.round(inches * 10) / 10;
  return shown >= min && shown <= max
    ? { ok: true, observed: seen, explanation: `Het scherm is ${seen}; het moet ${range} zijn. In orde.` }
    : {
        ok: false,
        observed: seen,
        explanation: `Het scherm is ${seen}; het moet ${range} zijn, zodat plaatjes en knoppen voor iedere kandidaat even groot zijn.`,
      };
}

function touch(policy: DevicePolicy, facts: DeviceFacts, display: DisplayFacts | null): Verdict {
  if (!policy.touch.required)
    return { ok: true, observed: null, explanation: 'Een aanraakscherm is niet verplicht.' };
  const fromDisplay = display?.touch ?? 'unknown';
  const fromPage = facts.page ? facts.page.maxTouchPoints > 0 : null;
  const has = fromDisplay === 'available' || fromPage === true;
  const hasNot = fromDisplay !== 'available' && (fromDisplay === 'unavailable' || fromPage === false);
  if (has) return { ok: true, observed: 'ja', explanation: 'Het scherm is een aanraakscherm. In orde.' };
  if (hasNot)
    return {
      ok: false,
      observed: 'nee',
      explanation:
        'Dit apparaat heeft geen aanraakscherm; de toets moet met de vinger bediend kunnen worden, ook door kandidaten die geen muis kunnen gebruiken.',
    };
  return {
    ok: null,
    observed: null,
    explanation: 'Niet vastgesteld of het scherm aanraking ondersteunt; doe de aanraaktest.',
  };
}

function singleDisplay(policy: DevicePolicy, facts: DeviceFacts): Verdict {
  if (!policy.singleDisplay.required)
    return { ok: true, observed: null, explanation: 'Meer schermen zijn toegestaan.' };
  const count = facts.displayCount;
  if (count <= 1) return { ok: true, observed: '1', explanation: 'Er is één beeldscherm. In orde.' };
  return {
    ok: false,
    observed: String(count),
    explanation: `Er zijn ${count} beeldschermen aangesloten; koppel de extra schermen los zodat de kandidaat op één scherm werkt en niemand meekijkt.`,
  };
}

function battery(policy: DevicePolicy, facts: DeviceFacts): Verdict {
  const min = policy.battery.minPercentUnplugged;
  const { onBattery, batteryPercent } = facts.power;
  if (onBattery === false)
    return { ok: true, observed: 'lader aangesloten', explanation: 'De lader is aangesloten. In orde.' };
  if (onBattery === null || batteryPercent === null)
    return {
      ok: null,
      observed: null,
      explanation: `Niet vastgesteld of de lader is aangesloten; sluit de lader aan (zonder lader is minimaal ${min}% accu nodig).`,
    };
  const seen = `${Math.round(batteryPercent)}% accu, zonder lader`;
  return batteryPercent >= min
    ? {
        ok: true,
        observed: seen,
        explanation: `De laptop werkt op de accu (${Math.round(batteryPercent)}%). In orde.`,
      }
    : {
        ok: false,
        observed: seen,
        explanation: `De laptop werkt op de accu en die is ${Math.round(batteryPercent)}% vol; sluit de lader aan (zonder lader is minimaal ${min}% nodig).`,
      };
}

function freeDisk(policy: DevicePolicy, facts: DeviceFacts): Verdict {
  const min = policy.freeDisk.minMegabytes;
  const free = facts.disk.freeMegabytes;
  if (free === null)
    return {
      ok: null,
      observed: null,
      explanation: `De vrije schijfruimte kon niet worden gemeten; minimaal ${min} MB is nodig.`,
    };
  const seen = `${Math.floor(free)} MB`;
  return free >= min
    ? { ok: true, observed: seen, explanation: `Er is ${seen} vrije schijfruimte. In orde.` }
    : {
        ok: false,
        observed: seen,
        explanation: `Er is ${seen} vrije schijfruimte; minimaal ${min} MB is nodig om de antwoorden veilig op te slaan. Maak ruimte vrij.`,
      };
}

function kioskAccount(policy: DevicePolicy, facts: DeviceFacts): Verdict {
  if (!policy.kioskAccount.required)
    return { ok: true, observed: null, explanation: 'Een kioskaccount is niet verplicht.' };
  const { detected, account } = facts.kioskAccount;
  return detected
    ? { ok: true, observed: account ?? 'ja', explanation: 'De toets draait onder het kioskaccount. In orde.' }
    : {
        ok: false,
        observed: account ?? 'nee',
        explanation:
          'De toets draait niet onder het kioskaccount; de kandidaat kan dan mogelijk andere programma’s openen. Gebruik het kioskaccount (zie de handleiding).',
      };
}

/**
 * Applies every rule of the policy to the facts. Pure: the same facts and policy always give the same
 * outcomes, so the host, the console and a reviewer all see one verdict.
 */
export function evaluateDevicePolicy(policy: DevicePolicy, facts: DeviceFacts): RuleOutcome[] {
  const display = kioskDisplay(facts);
  return [
    outcome(policy, 'minResolution', resolution(policy, display)),
    outcome(policy, 'scaleFactors', scale(policy, display)),
    outcome(policy, 'diagonalInches', diagonal(policy, display)),
    outcome(policy, 'touch', touch(policy, facts, display)),
    outcome(policy, 'singleDisplay', singleDisplay(policy, facts)),
    outcome(policy, 'battery', battery(policy, facts)),
    outcome(policy, 'freeDisk', freeDisk(policy, facts)),
    outcome(policy, 'kioskAccount', kioskAccount(policy, facts)),
  ];
}
