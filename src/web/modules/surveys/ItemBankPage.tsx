import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useCan } from '../../session.js';
import { ErrorAlert, Field, Loading, PageTitle, fieldError } from '../../ui/components.js';
import { useApi } from '../../useApi.js';
import { ActionStatus, type FieldLabels } from '../../ui/action.js';
import type { TItem, TItemPage } from '../../../modules/surveys/surveys.types.js';
import { ListFilter, Pager, useListQuery } from '../../ui/PagedList.js';
import { useText } from './messages.js';

/** The item forms' labels, by the paths the server names. */
function useItemLabels(): FieldLabels {
  const { t } = useText();
  return { code: t('items.code'), 'content.wording.de': t('items.wordingDe'), 'content.wording.en': t('items.wordingEn'), 'content.scale': t('builder.options'), 'content.rows': t('items.rows'), note: t('items.note') };
}

function ReviseForm({ item, onDone }: { item: TItem; onDone: (msg: string) => void }) {
  const { t } = useText();
  const [de, setDe] = useState(item.wording.de);
  const [en, setEn] = useState(item.wording.en);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    const { code: _code, itemVersion, active: _active, versions: _versions, note: _note, createdAt: _createdAt, ...content } = item;
    try {
      await api(`/survey-items/${item.code}/versions`, { method: 'POST', body: { basedOn: itemVersion, note, content: { ...content, wording: { de, en } } } });
      onDone(t('items.revised', { code: item.code }));
    } catch (err) { setError(err); }
  };
  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby={`revise-${item.code}`}>
      <h3 id={`revise-${item.code}`}>{t('items.revise', { code: item.code })}</h3>
      <Field label={t('items.wordingDe')} error={fieldError(error, 'content.wording.de')}>{(f) => <textarea id={f.id} rows={3} value={de} onChange={(e) => setDe(e.target.value)} />}</Field>
      <Field label={t('items.wordingEn')}>{(f) => <textarea id={f.id} rows={3} value={en} onChange={(e) => setEn(e.target.value)} />}</Field>
      <Field label={t('items.note')} hint={t('items.noteHint')}>{(f) => <input id={f.id} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={f.describedBy} />}</Field>
      <div className="actions"><button type="submit" className="btn">{t('items.saveVersion')}</button><button type="button" className="btn secondary" onClick={() => onDone('')}>{t('common.cancel')}</button></div>
      <ActionStatus error={error} labels={useItemLabels()} />
    </form>
  );
}

const KINDS = ['single', 'matrix', 'multi', 'text'] as const;
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

/** A new item: code, topic, type, wording in both languages, answers and (for a matrix) rows. */
function NewItemForm({ onDone, dimensions }: { onDone: (msg: string) => void; dimensions: string[] }) {
  const { t } = useText();
  const [code, setCode] = useState('');
  const [dimension, setDimension] = useState(dimensions[0] ?? 'measures');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('single');
  const [de, setDe] = useState('');
  const [en, setEn] = useState('');
  const [scale, setScale] = useState('1=ja | yes\n0=nein | no');
  const [rows, setRows] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    const parse = (l: string) => { const [label, enLabel] = l.split('|').map((x) => x.trim()); return { de: label ?? '', en: enLabel || label || '' }; };
    const content = {
      dimension, kind, wording: { de, en: en || de }, notApplicable: null,
      scale: kind === 'text' ? [] : lines(scale).map((l) => { const m = /^(\d+)\s*=\s*(.+)$/.exec(l); return { value: Number(m?.[1] ?? NaN), label: parse(m?.[2] ?? l) }; }),
      rows: kind === 'matrix' ? lines(rows).map((l, i) => ({ code: `${code}_${String.fromCharCode(97 + i)}`, label: parse(l) })) : [],
    };
    try { await api('/survey-items', { method: 'POST', body: { code, content } }); onDone(t('items.created', { code })); } catch (err) { setError(err); }
  };
  return (
    <form className="stack card wide" onSubmit={submit} noValidate aria-labelledby="new-item">
      <h2 id="new-item">{t('items.new')}</h2>
      <Field label={t('items.code')} hint={t('items.codeHint')} error={fieldError(error, 'code')}>{(f) => <input id={f.id} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
      <Field label={t('items.dimension')}>{(f) => <select id={f.id} value={dimension} onChange={(e) => setDimension(e.target.value)}>{dimensions.map((d) => <option key={d}>{d}</option>)}</select>}</Field>
      <Field label={t('builder.kind')}>{(f) => <select id={f.id} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>{KINDS.map((k) => <option key={k} value={k}>{t(`items.kind.${k}`)}</option>)}</select>}</Field>
      <Field label={t('items.wordingDe')} error={fieldError(error, 'content.wording.de')}>{(f) => <textarea id={f.id} rows={2} value={de} onChange={(e) => setDe(e.target.value)} />}</Field>
      <Field label={t('items.wordingEn')}>{(f) => <textarea id={f.id} rows={2} value={en} onChange={(e) => setEn(e.target.value)} />}</Field>
      {kind !== 'text' && <Field label={t('builder.options')} hint={t('items.scaleHint')} error={fieldError(error, 'content.scale')}>{(f) => <textarea id={f.id} rows={4} value={scale} onChange={(e) => setScale(e.target.value)} aria-describedby={f.describedBy} />}</Field>}
      {kind === 'matrix' && <Field label={t('items.rows')} hint={t('items.rowsHint')} error={fieldError(error, 'content.rows')}>{(f) => <textarea id={f.id} rows={4} value={rows} onChange={(e) => setRows(e.target.value)} aria-describedby={f.describedBy} />}</Field>}
      <div className="actions"><button type="submit" className="btn">{t('items.create')}</button><button type="button" className="btn secondary" onClick={() => onDone('')}>{t('common.cancel')}</button></div>
      <ActionStatus error={error} labels={useItemLabels()} />
    </form>
  );
}

/** The item bank: standard items with their versions; LPR staff add, revise (new version) or retire them. */
export function ItemBankPage() {
  const { t } = useText();
  const can = useCan();
  const maintain = can('surveys.items.maintain');
  const query = useListQuery({ sort: 'code', pageSize: 20 });
  const list = useApi<TItemPage>(`/survey-items?${query.apiQuery}`);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const done = (msg: string) => { setEditing(null); setCreating(false); setMessage(msg); list.reload(); };
  const toggle = async (i: TItem) => {
    setError(null);
    try { await api(`/survey-items/${i.code}/active`, { method: 'PUT', body: { active: !i.active } }); done(i.active ? t('items.retired', { code: i.code }) : t('items.reactivated', { code: i.code })); } catch (e) { setError(e); }
  };
  return (
    <>
      <PageTitle>{t('items.title')}</PageTitle>
      <p>{t('items.intro')}</p>
      <ErrorAlert error={list.error} />
      {maintain && !creating && <p><button type="button" className="btn" onClick={() => { setMessage(''); setError(null); setCreating(true); }}>{t('items.new')}</button></p>}
      {!creating && !editing && <ActionStatus error={error} success={message} />}
      {creating && list.data && <NewItemForm onDone={done} dimensions={list.data.dimensions} />}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <ListFilter label={t('items.filter')} value={query.q} onChange={(q) => query.set({ q })} />
      </form>
      {!list.data ? <Loading /> : (<>
        <ul className="plain items">{list.data.items.map((i) => (
          <li key={i.code} className="card">
            <h2 className="item-title">{i.code} <span className="muted">{t('items.version', { v: i.itemVersion, n: i.versions ?? 1 })}{i.active ? '' : ` · ${t('items.inactive')}`}</span></h2>
            <p lang="de">{i.wording.de}</p>
            <p lang="en" className="muted">{i.wording.en}</p>
            {i.rows.length > 0 && <ul>{i.rows.map((r) => <li key={r.code}>{r.code}: {r.label.de}</li>)}</ul>}
            {i.scale.length > 0 && <p className="muted">{i.scale.map((s) => `${s.value} ${s.label.de}`).join(' · ')}{i.notApplicable ? ` · ${i.notApplicable.value} ${i.notApplicable.label.de}` : ''}</p>}
            {maintain && editing !== i.code && (
              <div className="actions">
                <button type="button" className="btn secondary" onClick={() => { setMessage(''); setEditing(i.code); }}>{t('items.reviseShort', { code: i.code })}</button>
                <button type="button" className="btn secondary" onClick={() => toggle(i)}>{i.active ? t('items.retire', { code: i.code }) : t('items.reactivate', { code: i.code })}</button>
              </div>
            )}
            {editing === i.code && <ReviseForm item={i} onDone={done} />}
          </li>
        ))}</ul>
        <Pager total={list.data.total} page={query.page} pageSize={query.pageSize} items={t('items.count', { n: list.data.total })}
          onPage={(p) => query.set({ seite: String(p) })} onPageSize={(n) => query.set({ anzahl: String(n) })} />
      </>)}
    </>
  );
}
