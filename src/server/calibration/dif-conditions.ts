/**
 * DIF by afnamecondities for a stored calibration (issue 19, item 3): which stored column says which group a
 * sitting belongs to, and which pairs of groups are compared. Per condition the largest group is the reference
 * and each of the next largest (at most MAX_FOCAL) is a focal group; sittings where the condition was not
 * recorded take part in no comparison of it. The engine (difComparison) applies the minimum-size rule.
 */
import {
  difComparison,
  type DifComparison,
  type DifCondition,
  type DifGroup,
} from '../../shared/psychometrics';
import type { CalibrationSource } from './calibration-data';

/** The columns of a result that DIF groups by, beside what calibration-data reads. */
export interface DifSource extends CalibrationSource {
  result_id: string;
  language: string;
  input_type: string;
  interpreter: number | null;
  doelgroep: string;
  group_size: number | null;
  device_model: string | null;
}

/** More focal groups would make the view a list nobody reads; the small ones fall under the minimum anyway. */
const MAX_FOCAL = 3;

const INPUT_LABELS: Record<string, string> = {
  touch: 'aanraken',
  mouse: 'muis',
  pen: 'pen',
  mixed: 'gemengd',
  none: 'geen invoer',
};

/** The conditions the issue names, in the order the view shows them; `afnemer` is left out (a person). */
const GROUP_OF: Partial<Record<DifCondition, (row: DifSource) => string | null>> = {
  language: (row) => row.language,
  inputType: (row) => INPUT_LABELS[row.input_type] ?? row.input_type,
  interpreter: (row) => (row.interpreter === null ? null : row.interpreter ? 'met tolk' : 'zonder tolk'),
  doelgroep: (row) => row.doelgroep,
  groupSize: (row) => (row.group_size === null ? null : row.group_size <= 1 ? 'alleen' : 'in een groep'),
  deviceModel: (row) => row.device_model,
};

export function difByConditions(
  responses: readonly (readonly number[])[],
  rows: readonly DifSource[],
  itemIds: readonly string[],
): DifComparison[] {
  const comparisons: DifComparison[] = [];
  for (const [condition, groupOf] of Object.entries(GROUP_OF) as [
    DifCondition,
    (r: DifSource) => string | null,
  ][]) {
    const labels = rows.map(groupOf);
    const counts = new Map<string, number>();
    for (const label of labels) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
    const bySize = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const reference = bySize[0]?.[0];
    if (reference === undefined) continue;
    for (const [focal] of bySize.slice(1, 1 + MAX_FOCAL)) {
      const groups: DifGroup[] = labels.map((label) =>
        label === reference ? 'reference' : label === focal ? 'focal' : null,
      );
      comparisons.push(difComparison({ responses, groups, itemIds, condition, reference, focal }));
    }
  }
  return comparisons;
}
