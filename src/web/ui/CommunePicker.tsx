import { useState } from 'react';
import { useCommonText } from './text.js';
import { useApi } from '../useApi.js';
import type { TCommuneList, TCommuneRef } from '../../modules/communes/communes.types.js';
import { Field } from './components.js';

/** A chosen commune (the registry's list items and group members fit). */
export type CommuneRef = TCommuneRef & { status?: string };

/** Chips of chosen communes plus a search that adds more (keyboard: type, Tab to a result, Enter). */
export function CommunePicker({ legend, value, onChange, error, single = false }: {
  legend: string; value: CommuneRef[]; onChange: (v: CommuneRef[]) => void; error?: string; single?: boolean;
}) {
  const { t } = useCommonText();
  const [search, setSearch] = useState('');
  const matches = useApi<TCommuneList>(search.trim().length >= 2 ? `/communes?limit=8&q=${encodeURIComponent(search.trim())}` : null);
  const add = (m: CommuneRef) => { onChange(single ? [m] : value.some((x) => x.ags === m.ags) ? value : [...value, m]); setSearch(''); };
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {error && <span className="error">{error}</span>}
      <ul className="chips">
        {value.map((m) => (
          <li key={m.ags}>{m.name}<button type="button" aria-label={t('picker.remove', { name: m.name })} onClick={() => onChange(value.filter((x) => x.ags !== m.ags))}>×</button></li>
        ))}
      </ul>
      <Field label={single && value.length ? t('picker.replace') : t('picker.addMember')}>
        {(f) => <input id={f.id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />}
      </Field>
      {matches.data && search.trim().length >= 2 && (
        <ul aria-live="polite">
          {matches.data.items.map((m) => <li key={m.ags}><button type="button" className="linkish" onClick={() => add(m)}>{t('picker.add')}: {m.name} ({m.ags})</button></li>)}
        </ul>
      )}
    </fieldset>
  );
}
