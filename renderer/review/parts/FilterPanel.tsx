import { useId, type ReactNode } from 'react';
import { INPUT_TYPE_LABELS, VALIDITY_FLAG_LABELS, type ReviewFilters } from '../../../src/shared/review';
import { useCall } from '../api/use-resource';
import { DOELGROEP_LABELS, LANGUAGE_LABELS } from '../format';

type Option = { value: string; label: string };

function Choice({
  label,
  value,
  options,
  onChange,
  all = 'Alle',
}: {
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
  all?: string;
}) {
  // The label sits beside the menu, not around it, so the menu's name is the label alone.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const entries = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The filters every view shares. The menus offer only values present in the gemeente's data (from the
 * service), so a consulent never picks a filter that can only give an empty table.
 */
export function FilterPanel({
  filters,
  onChange,
}: {
  filters: ReviewFilters;
  onChange: (filters: ReviewFilters) => void;
}) {
  const options = useCall('filterOptions', {});
  const known = options.data;
  const set = (patch: Partial<ReviewFilters>) => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as ReviewFilters);
  };
  const active = Object.keys(filters).length;
  const dateField = (label: string, key: 'from' | 'to'): ReactNode => (
    <label className="field">
      {label}
      <input
        type="date"
        value={filters[key] ?? ''}
        min={known?.firstDay ?? undefined}
        max={known?.lastDay ?? undefined}
        onChange={(event) => set({ [key]: event.target.value || undefined })}
      />
    </label>
  );

  return (
    <aside className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">Filters</h2>
      <fieldset className="period">
        <legend>Periode (datum van afname)</legend>
        {dateField('Van', 'from')}
        {dateField('Tot en met', 'to')}
      </fieldset>
      <Choice
        label="Doelgroep"
        value={filters.doelgroep}
        options={(known?.doelgroepen ?? []).map((value) => ({ value, label: DOELGROEP_LABELS[value] }))}
        onChange={(value) => set({ doelgroep: value as ReviewFilters['doelgroep'] })}
      />
      <Choice
        label="Locatie (kiosk)"
        value={filters.deviceId}
        options={(known?.devices ?? []).map((device) => ({ value: device.deviceId, label: device.label }))}
        onChange={(value) => set({ deviceId: value })}
      />
      <Choice
        label="Instructietaal"
        value={filters.language}
        options={(known?.languages ?? []).map((value) => ({ value, label: LANGUAGE_LABELS[value] ?? value }))}
        onChange={(value) => set({ language: value as ReviewFilters['language'] })}
      />
      <Choice
        label="Tolk"
        value={filters.interpreter}
        options={[
          { value: 'ja', label: 'Met tolk' },
          { value: 'nee', label: 'Zonder tolk' },
          { value: 'onbekend', label: 'Niet vastgelegd' },
        ]}
        onChange={(value) => set({ interpreter: value as ReviewFilters['interpreter'] })}
      />
      <Choice
        label="Invoer"
        value={filters.inputType}
        options={entries(INPUT_TYPE_LABELS)}
        onChange={(value) => set({ inputType: value as ReviewFilters['inputType'] })}
      />
      <Choice
        label="Geldigheid"
        value={filters.flag}
        all="Alle uitslagen"
        options={[{ value: 'geen', label: 'Zonder signalen' }, ...entries(VALIDITY_FLAG_LABELS)]}
        onChange={(value) => set({ flag: value as ReviewFilters['flag'] })}
      />
      <button type="button" onClick={() => onChange({})} disabled={active === 0}>
        Filters wissen{active > 0 ? ` (${active})` : ''}
      </button>
      {options.state === 'error' && (
        <p className="error" role="alert">
          {options.error.message}
        </p>
      )}
    </aside>
  );
}
