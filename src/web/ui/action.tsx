import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';
import { useCommonText } from './text.js';

/**
 * The visible labels of a form's fields, by the path the server names (`email`, `grants.0.scopeId`). A key may
 * use `*` for an array index; `{n}` in the label is then that item's number, counted from 1:
 * `{ 'tasks.*.dueOn': 'Fällig am (Aufgabe {n})' }`.
 */
export type FieldLabels = Record<string, string>;

/** The label of `field` in `labels` (exact path first, then the `*` patterns), or undefined. */
export function labelFor(field: string | undefined, labels: FieldLabels = {}): string | undefined {
  if (!field) return undefined;
  if (labels[field]) return labels[field];
  const parts = field.split('.');
  for (const [key, label] of Object.entries(labels)) {
    const pattern = key.split('.');
    if (pattern.length !== parts.length) continue;
    const indexes: number[] = [];
    if (pattern.every((p, i) => (p === '*' ? /^\d+$/.test(parts[i]!) && indexes.push(Number(parts[i])) > 0 : p === parts[i]))) {
      return label.replace('{n}', String((indexes[0] ?? 0) + 1));
    }
  }
  return undefined;
}

interface Line { key: string; text: string }

/**
 * What to show of an error: the main sentence and the single problems, each named by its visible label (the
 * page's `labels` first, then the server's German label); never an internal field name.
 */
export function describeError(error: unknown, labels: FieldLabels, generic: string): { text: string; lines: Line[] } {
  if (typeof error === 'string') return { text: error, lines: [] };
  if (!(error instanceof ApiError)) return { text: generic, lines: [] };
  const items = (error.errors ?? []).map((x, i) => {
    const label = x.line !== undefined ? undefined : labelFor(x.field, labels);
    const name = label ?? x.label;
    return { key: `${i}`, text: name ? `${name}: ${x.message}` : x.message, field: x.field, line: x.line };
  });
  const lineErrors = items.filter((x) => x.line !== undefined);
  if (lineErrors.length) return { text: error.detail, lines: lineErrors };
  const own = labelFor(error.field, labels);
  const first = items[0];
  const text = own && first ? `${own}: ${(error.errors?.[0]?.message) ?? error.detail}` : error.detail;
  return { text, lines: items.length > 1 ? items : [] };
}

/**
 * The outcome of an action, shown where the action is (put it next to the form's buttons): a failure as
 * role=alert, a success as role=status. The message takes the focus when it appears, so keyboard and
 * screen-reader users land on it instead of the page top; `children` (e.g. a download link) go with a success.
 */
export function ActionStatus({ error, success, labels = {}, children }: { error?: unknown; success?: string | null; labels?: FieldLabels; children?: React.ReactNode }) {
  const { t } = useCommonText();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !(error || success)) return;
    el.focus();
    // Content above may still load (a list of checkboxes, a reloaded table) and push the message away: keep it
    // in view while it has the focus, for the moment the page settles.
    const keep = () => { if (document.activeElement === el) el.scrollIntoView({ block: 'nearest' }); };
    const observer = new ResizeObserver(keep);
    observer.observe(document.body);
    const settle = setTimeout(() => observer.disconnect(), 2000);
    return () => { observer.disconnect(); clearTimeout(settle); };
  }, [error, success]);
  if (error) {
    const { text, lines } = describeError(error, labels, t('error.generic'));
    return (
      <div ref={ref} tabIndex={-1} className="alert error action-status" role="alert">
        <p>{text}</p>
        {lines.length > 0 && <ul className="error-list">{lines.slice(0, 50).map((x) => <li key={x.key}>{x.text}</li>)}</ul>}
      </div>
    );
  }
  if (!success) return null;
  return (
    <div ref={ref} tabIndex={-1} className="alert success action-status" role="status">
      <p>{success}</p>
      {children}
    </div>
  );
}

/**
 * One action's state: `run` clears the last outcome, runs `fn` and keeps its error or the success message
 * (render both with `<ActionStatus {...action.status} />` beside the action's button).
 */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>, message?: string | ((result: T) => string)): Promise<T | undefined> => {
    setError(null); setSuccess(null); setBusy(true);
    try {
      const result = await fn();
      if (message) setSuccess(typeof message === 'function' ? message(result) : message);
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally { setBusy(false); }
  }, []);
  const reset = useCallback(() => { setError(null); setSuccess(null); }, []);
  return { busy, error, success, run, reset, status: { error, success } };
}
