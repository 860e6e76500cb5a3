import { useApi } from '../useApi.js';

/** Checkboxes for the managed Handlungsfelder (retired ones only when already chosen). */
export function TopicChecklist({ legend, value, onChange, error }: { legend: string; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const fields = useApi<{ items: { id: string; label: string; active: boolean }[] }>('/fields-of-action');
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  return (
    <fieldset className="field checklist">
      <legend>{legend}</legend>
      {error && <span className="error">{error}</span>}
      {fields.data?.items.filter((f) => f.active || value.includes(f.id)).map((f) => (
        <label key={f.id}><input type="checkbox" checked={value.includes(f.id)} onChange={() => toggle(f.id)} /> {f.label}</label>
      ))}
    </fieldset>
  );
}
