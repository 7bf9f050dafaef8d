/**
 * The printable result sheet (the list is result-list.ts). The sheet reads the stored envelope of that one result (for
 * the pauses, interruptions and abort); everything else comes from the extracted columns.
 */
import type { Kysely } from 'kysely';
import type { ServerKey } from '../../shared/results-service';
import {
  cesuurVersionOf,
  cesuurVersionText,
  DEFINITION_STATUS_TEXT,
  definitionStatusOf,
} from '../../shared/items/definition-status';
import { TestDefinition } from '../../shared/items/test-definition';
import { probabilitySentence } from '../../shared/psychometrics/plain-dutch';
import { ResultRecord } from '../../shared/result/record';
import {
  NOT_Z_ROUTE_NOTE,
  OUTCOME_TEXT,
  PILOT_NOTE,
  VALIDITY_FLAG_LABELS,
  type ResultSheet,
} from '../../shared/review';
import { calibrationFor, probabilityAtCesuur } from '../calibration/calibration-for';
import type { Database } from '../db/tables';
import { ProblemError } from '../http/problem';
import {
  INTERPRETER_LABELS,
  inputTypeLabel,
  interpreterValue,
  languageLabel,
  NOT_RECORDED,
  practicedLabel,
  groupSizeLabel,
  intakeLabel,
  interpreterModeLabel,
  yesNoLabel,
  shellLabel,
} from './labels';
import { toRecord } from './leerroute';
import { flagsOf } from './flags';

const PAUSE_TEXT: Record<string, string> = {
  'candidate-break': 'Pauze op verzoek van de kandidaat',
  'candidate-distress': 'Pauze: kandidaat was van streek',
  disturbance: 'Pauze door een verstoring in de ruimte',
  technical: 'Pauze voor een technisch probleem',
  'focus-lost': 'Pauze: het toetsvenster verloor de focus',
  'display-changed': 'Pauze: het scherm veranderde buiten de apparaateisen',
  'host-restart': 'Automatisch gepauzeerd na herstart van de kiosk',
  other: 'Pauze (andere reden)',
};
const ABORT_TEXT: Record<string, string> = {
  'candidate-unwell': 'Afgebroken: kandidaat werd onwel',
  'candidate-refused': 'Afgebroken: kandidaat wilde niet verder',
  'candidate-unable': 'Afgebroken: kandidaat kon niet verder',
  'technical-failure': 'Afgebroken: technische storing',
  'wrong-candidate': 'Afgebroken: verkeerde kandidaat',
  other: 'Afgebroken (andere reden)',
};

export async function resultSheet(
  db: Kysely<Database>,
  gemeente: string,
  resultId: string,
  /** The service's key: the probability line then rests on the newest signed calibration report. */
  key?: ServerKey,
): Promise<ResultSheet> {
  const r = await db
    .selectFrom('results')
    .leftJoin('leerroutes as l', 'l.result_id', 'results.result_id')
    .leftJoin('devices', 'devices.device_id', 'results.device_id')
    .selectAll('results')
    .select([
      'l.route',
      'l.conform',
      'l.reason',
      'l.explanation',
      'l.recorded_by',
      'l.recorded_at',
      'devices.label',
    ])
    .where('results.result_id', '=', resultId)
    .where('results.gemeente', '=', gemeente)
    .executeTakeFirst();
  // Another gemeente's result and a missing one look the same: existence is not revealed.
  if (!r) throw new ProblemError(404, 'not-found', `There is no result ${resultId}.`);
  const record = ResultRecord.parse((JSON.parse(r.envelope) as { payload: unknown }).payload);
  const outcome = r.outcome;
  const archived = await archivedDefinition(db, r.package_hash);
  const definition: Parameters<typeof cesuurVersionOf>[0] = archived ?? {
    version: record.package.definitionVersion,
    cesuur: r.cesuur,
    twijfelzone: { below: r.cesuur - r.twijfelzone_from, above: r.twijfelzone_to - r.cesuur },
  };
  const status = definitionStatusOf(definition);
  const version = cesuurVersionOf(definition);
  const incidents = [
    ...record.timing.pauses.map((p) => ({ at: p.from, text: PAUSE_TEXT[p.reason] ?? 'Pauze' })),
    ...record.timing.interruptions.map((i) => ({ at: i.from, text: 'Onderbreking: het apparaat viel uit' })),
    ...(record.timing.abort
      ? [
          {
            at: record.timing.abort.at,
            // A note is free text some results carry from before the structured lists; shown as it was signed.
            text:
              (ABORT_TEXT[record.timing.abort.reason] ?? 'Afgebroken') +
              (record.timing.abort.note ? ` (toelichting: ${record.timing.abort.note})` : ''),
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const instruction = record.afnamecondities.session.instruction;
  return {
    resultId: r.result_id,
    candidateRef: record.candidateRef,
    gemeente: r.gemeente,
    status: r.status,
    openedAt: record.timing.openedAt,
    closedAt: r.closed_at,
    afnemerId: record.afnemerId,
    doelgroep: r.doelgroep,
    language: r.language,
    raw: r.raw,
    max: r.max,
    cesuur: r.cesuur,
    outcome,
    outcomeText: OUTCOME_TEXT[outcome ?? 'afgebroken'],
    outcomeNote: status === 'pilot' ? PILOT_NOTE : NOT_Z_ROUTE_NOTE,
    package: {
      // The package id is the definition's id (the manifest takes it from there); the device's claim only without an archive.
      packageId: archived?.id ?? record.package.packageId,
      version: definition.version,
      packageHash: r.package_hash,
    },
    definitionStatus: status,
    definitionStatusText: DEFINITION_STATUS_TEXT[status],
    cesuurVersionText: cesuurVersionText(version),
    cesuurMethod: `${version.method}; bron: ${version.source}`,
    voorlopig:
      status === 'provisional' && r.status === 'completed'
        ? (record.scoring.voorlopig ?? version.reason ?? null)
        : null,
    probabilityLine:
      status === 'pilot' || r.status !== 'completed'
        ? null
        : await probabilityLine(db, r.package_hash, r.cesuur, r.raw, key),
    // The package's twijfelzone as stored at ingest, not the one the device claimed.
    twijfelzone: { from: r.twijfelzone_from, to: r.twijfelzone_to, inZone: r.in_twijfelzone === 1 },
    unanswered: r.unanswered,
    conditions: [
      { label: 'Instructietaal', value: languageLabel(r.language) },
      { label: 'Invoer', value: inputTypeLabel(r.input_type) },
      { label: 'Tolk', value: INTERPRETER_LABELS[interpreterValue(r.interpreter)] },
      ...(instruction?.interpreterLanguage
        ? [{ label: 'Taal van de tolk', value: languageLabel(instruction.interpreterLanguage) }]
        : []),
      ...(r.interpreter === 1
        ? [{ label: 'Tolk: in de ruimte of telefonisch', value: interpreterModeLabel(r.interpreter_mode) }]
        : []),
      { label: 'Vooraf geoefend', value: practicedLabel(r.practiced) },
      { label: 'Rustige ruimte', value: yesNoLabel(r.quiet_room) },
      { label: 'Groepsgrootte', value: groupSizeLabel(r.group_size) },
      { label: 'Moment van de intake', value: intakeLabel(r.intake_moment) },
      { label: 'Kiosk-omgeving', value: shellLabel(r.shell) },
      { label: 'Apparaat', value: r.device_model ?? NOT_RECORDED },
      { label: 'Schermresolutie', value: r.resolution ?? NOT_RECORDED },
      ...(record.afnamecondities.session.notes
        ? [{ label: 'Opmerking afnemer', value: record.afnamecondities.session.notes }]
        : []),
    ],
    flags: flagsOf(r).map((flag) => ({ flag, label: VALIDITY_FLAG_LABELS[flag] })),
    incidents,
    device: { deviceId: r.device_id, label: r.label ?? r.device_id },
    leerroute:
      r.route && r.recorded_by && r.recorded_at
        ? toRecord({
            route: r.route,
            conform: r.conform ?? 0,
            reason: r.reason,
            explanation: r.explanation,
            recorded_by: r.recorded_by,
            recorded_at: r.recorded_at,
          })
        : null,
  };
}

/**
 * The test definition the result is scored against: the service's archived copy of its package (the device's
 * claim is only a name). Ingest refuses a result of an unknown package; rows from before the archive (006) may
 * lack one, and are read as what they were then: operational under the cesuur stored with them.
 */
export async function archivedDefinition(
  db: Kysely<Database>,
  packageHash: string,
): Promise<TestDefinition | null> {
  const row = await db
    .selectFrom('scoring_packages')
    .select('definition')
    .where('package_hash', '=', packageHash)
    .executeTakeFirst();
  return row ? TestDefinition.parse(JSON.parse(row.definition)) : null;
}

/** The sheet's probability line under a released cesuur, or one calm line when no calibration exists yet. */
async function probabilityLine(
  db: Kysely<Database>,
  packageHash: string,
  cesuur: number,
  raw: number,
  key: ServerKey | undefined,
): Promise<string> {
  const calibration = await calibrationFor(db, packageHash, key);
  if (!calibration) return 'Nog geen kalibratie: hoe zeker deze uitslag is, is nog niet bekend.';
  const sentence = probabilitySentence(probabilityAtCesuur(calibration, cesuur, raw));
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
