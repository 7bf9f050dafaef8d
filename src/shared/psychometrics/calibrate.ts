import { abilityTable, informationCurve } from './ability';
import { kr20 } from './classical';
import { itemFit, personSeparationReliability } from './fit';
import { estimateCml } from './rasch';
import { CalibrationReport, type DataSnapshot } from './report';
import {
  checkResponses,
  itemTotals,
  PsychometricsInputError,
  rawScores,
  type ResponseMatrix,
} from './responses';

/** Below this many sittings a calibration is not reported: difficulty SEs would exceed about 0.3 logits. */
export const CALIBRATION_MINIMUM = 200;

/**
 * A calibration report from the scored responses of complete sittings of one package version, in the item order
 * of `itemIds`. The snapshot says which data it rests on; the caller fills package hash and dates.
 */
export function calibrationReport(
  responses: ResponseMatrix,
  itemIds: readonly string[],
  snapshot: Omit<DataSnapshot, 'resultCount' | 'extremeCount'>,
  minimum = CALIBRATION_MINIMUM,
): CalibrationReport {
  const k = checkResponses(responses, minimum);
  if (itemIds.length !== k)
    throw new PsychometricsInputError(`${itemIds.length} item-id's voor ${k} kolommen antwoorden`);
  const cml = estimateCml(responses);
  const table = abilityTable(cml.difficulties);
  const fit = itemFit(responses, cml.difficulties, table);
  const classical = kr20(responses);
  const n = responses.length;
  const totals = itemTotals(responses, k);
  const extremeCount = rawScores(responses).filter((r) => r === 0 || r === k).length;
  return CalibrationReport.parse({
    kind: 'lbt.calibration',
    version: 1,
    method: { items: 'rasch-cml', identification: 'sum-zero', persons: 'warm-wle' },
    snapshot: { ...snapshot, resultCount: n, extremeCount },
    items: itemIds.map((itemId, i) => ({
      itemId,
      difficulty: cml.difficulties[i],
      se: cml.standardErrors[i],
      infit: fit[i]!.infit,
      outfit: fit[i]!.outfit,
      pValue: totals[i]! / n,
    })),
    iterations: cml.iterations,
    personSeparationReliability: personSeparationReliability(responses, table),
    kr20: classical.kr20,
    rawScoreSd: classical.sd,
    classicalSem: classical.sem,
    information: informationCurve(cml.difficulties),
    abilityTable: table,
  });
}
