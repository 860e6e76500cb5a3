import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../api.js';
import { useCommonText } from './text.js';

let firstLocationKey: string | undefined;
/** Whether the user has moved within the app since the browser loaded the document (a reload starts afresh). */
function useMovedWithinApp() {
  const { key } = useLocation();
  firstLocationKey ??= key;
  return key !== firstLocationKey;
}

/**
 * The page's h1 and document title. After a move within the app focus goes to the heading (so screen readers
 * announce the new page); on a fresh load focus stays at the document start, so Tab reaches the skip link and
 * the navigation first.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const movedWithinApp = useMovedWithinApp();
  useEffect(() => {
    document.title = `${typeof children === 'string' ? children : ''} – ASSKomm`;
    if (movedWithinApp) ref.current?.focus();
  }, [children]); // not on every new location: filters kept in the URL must not move focus
  return <h1 ref={ref} tabIndex={-1}>{children}</h1>;
}

export function Field(props: { label: string; error?: string; hint?: string; children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errId = props.error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <span id={hintId} className="hint">{props.hint}</span>}
      {props.error && <span id={errId} className="error">{props.error}</span>}
      {props.children({ id, describedBy, invalid: !!props.error })}
    </div>
  );
}

export function Alert({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success'; children: ReactNode }) {
  return <div className={`alert ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useCommonText();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  return (
    <Alert kind="error">
      <p>{e?.detail ?? t('error.generic')}</p>
      {e?.errors && e.errors.length > 1 && (
        <ul>{e.errors.slice(0, 20).map((x, i) => <li key={i}>{x.label ? `${x.label}: ` : ''}{x.message}</li>)}</ul>
      )}
    </Alert>
  );
}

export function Loading() {
  const { t } = useCommonText();
  return <p role="status">{t('loading')}</p>;
}

/** The message of a field-level API error for the field `name` (without the field's name: it stands at the field). */
export const fieldError = (error: unknown, name: string) => {
  if (!(error instanceof ApiError)) return undefined;
  const own = error.errors?.find((x) => x.line === undefined && (x.field === name || x.field.startsWith(`${name}.`)));
  if (own) return own.message;
  return error.field === name || error.field?.startsWith(`${name}.`) ? error.detail : undefined;
};

/** A horizontally scrollable wrapper for wide tables, reachable by keyboard (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
