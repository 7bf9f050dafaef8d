/**
 * The review columns of a stored result, extracted once at ingest so the dashboard never parses envelopes.
 * Scores come from the service's own re-score (authoritative); the device's figure is kept as `raw_client`.
 */
import type { DeviceConditions } from '../../shared/device';
import type { ResultRecord } from '../../shared/result';
import type { Afnamecondities, Voorbereiding } from '../../shared/session';
import { keyOfOutcome, type ScoreResult } from '../../shared/scoring';
import type { ResultsTable } from '../db/tables';
import { endingColumns } from './ending-columns';

export type ResultColumns = Omit<
  ResultsTable,
  'receipt' | 'stored_at' | 'envelope' | 'envelope_hash' | 'payload_hash'
>;

export function resultColumns(
  record: ResultRecord,
  score: ScoreResult,
  gemeente: string,
  mismatch: {
    scoreMismatch: boolean;
    cesuurMismatch: boolean;
    gemeenteMismatch: boolean;
    referenceFormBroken?: boolean;
  },
): ResultColumns {
  const session = record.afnamecondities.session;
  const completed = record.status === 'completed';
  const interpreter = session.instruction?.interpreter;
  return {
    result_id: record.resultId,
    device_id: record.deviceId,
    gemeente,
    session_id: record.sessionId,
    candidate_ref: record.candidateRef,
    status: record.status,
    created_at: record.createdAt,
    closed_at: record.timing.closedAt,
    doelgroep: record.doelgroep,
    language: record.language,
    package_hash: record.package.packageHash,
    cesuur: score.cesuur,
    cesuur_mismatch: mismatch.cesuurMismatch ? 1 : 0,
    twijfelzone_from: score.twijfelzone.from,
    twijfelzone_to: score.twijfelzone.to,
    raw: score.raw,
    raw_client: record.scoring.raw,
    max: score.max,
    outcome: completed ? keyOfOutcome(score.outcome) : null,
    in_twijfelzone: score.twijfelzone.inZone ? 1 : 0,
    unanswered: score.unanswered,
    score_mismatch: mismatch.scoreMismatch ? 1 : 0,
    gemeente_mismatch: mismatch.gemeenteMismatch ? 1 : 0,
    input_type: inputType(record, new Set(score.items.map((i) => i.itemId))),
    interpreter: interpreter === undefined ? null : interpreter ? 1 : 0,
    practiced: practicedOf(session.preparation),
    quiet_room: session.room?.quiet === undefined ? null : session.room.quiet ? 1 : 0,
    group_size: session.room?.groupSize ?? null,
    intake_moment: session.intake?.moment ?? null,
    interpreter_mode: interpreterMode(session.instruction),
    interpreter_language: session.instruction?.interpreterLanguage ?? null,
    translation_tool:
      session.instruction?.translationTool === undefined ? null : session.instruction.translationTool ? 1 : 0,
    afnemer_id: record.afnemerId,
    shell: session.shell ?? record.afnamecondities.device?.facts.shell ?? null,
    device_model: deviceModel(record.afnamecondities.device),
    resolution: resolution(record),
    mouse_used: record.validity.mouseUsed ? 1 : 0,
    focus_lost: record.validity.focusLost ? 1 : 0,
    interrupted: record.validity.interrupted ? 1 : 0,
    fast_answers: record.validity.fastAnswers.length,
    ended_early: record.validity.endedEarly?.reason ?? null,
    item_pattern: score.items.map((i) => (i.correct ? '1' : i.answered ? '0' : '-')).join(''),
    ...endingColumns(record.timing),
    reference_form_broken: mismatch.referenceFormBroken ? 1 : 0,
  };
}

/**
 * The one home of "Vooraf geoefend": the console records the checklist's `kind`, older and demo records
 * `practicedBefore`. Stored as `yes` (practised at home), `demo-vandaag`, `no` or `unknown`; migration
 * 013-condition-columns repairs stored rows by the same table (PRACTICED_OF_KIND).
 */
export const PRACTICED_OF_KIND: Record<Voorbereiding, string> = {
  // With the practice app or otherwise: "Vooraf geoefend" is yes either way.
  'thuis-oefenapp': 'yes',
  'thuis-geoefend': 'yes',
  'demo-vandaag': 'demo-vandaag',
  geen: 'no',
};
export function practicedOf(preparation: Afnamecondities['preparation']): string | null {
  if (preparation?.kind) return PRACTICED_OF_KIND[preparation.kind];
  return preparation?.practicedBefore ?? null;
}

/**
 * In the room (`in-room`), by phone (`phone`), or none (`geen`). Older kiosks did not ask the mode: there a
 * present interpreter is mode-not-recorded (null).
 */
function interpreterMode(instruction: Afnamecondities['instruction']): string | null {
  if (instruction?.interpreter === false) return 'geen';
  return instruction?.interpreterMode ?? null;
}

/** The pointer types used over the scored items: one type, `mixed`, or `none` (nothing answered). */
function inputType(record: ResultRecord, scored: Set<string>): string {
  const used = new Set(record.items.filter((i) => scored.has(i.itemId)).flatMap((i) => i.inputTypes));
  if (used.size === 0) return 'none';
  return used.size === 1 ? [...used][0]! : 'mixed';
}

/** The built-in panel's maker and model as EDID/WMI report them, e.g. "BOE NV140FHM-N49". */
function deviceModel(device: DeviceConditions | null): string | null {
  if (!device) return null;
  const panels = device.facts.panels;
  const panel = panels.find((p) => p.internal === true) ?? panels[0];
  const name = [panel?.manufacturer, panel?.productName].filter((s): s is string => !!s).join(' ');
  return name.length > 0 ? name.slice(0, 120) : null;
}

/** `WIDTHxHEIGHT@SCALE` of the primary display, from the device check, else the page, else the session. */
function resolution(record: ResultRecord): string | null {
  const facts = record.afnamecondities.device?.facts;
  const display = facts?.displays.find((d) => d.primary) ?? facts?.displays[0];
  if (display)
    return `${display.physicalPixels.width}x${display.physicalPixels.height}@${display.scaleFactor}`;
  if (facts?.page)
    return `${facts.page.screen.width}x${facts.page.screen.height}@${facts.page.devicePixelRatio}`;
  const screen = record.afnamecondities.session.device?.screen;
  return screen ? `${screen.widthPx}x${screen.heightPx}@${screen.scaleFactor}` : null;
}
