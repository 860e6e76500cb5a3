import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, formatDateTime } from '../../api.js';
import { ErrorAlert, Field, Loading, PageTitle, ScrollRegion, fieldError } from '../../ui/components.js';
import { ActionStatus } from '../../ui/action.js';
import { useApi } from '../../useApi.js';
import type { TLetter, TLetterKind, TProject, TSample } from '../../../modules/surveys/surveys.types.js';
import { useText } from './messages.js';

export function SamplePage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const project = useApi<TProject>(`/analyses/${id}`);
  const sample = useApi<TSample | null>(`/analyses/${id}/sample`);
  const letterLoaded = useApi<TLetter>(`/analyses/${id}/letter`);
  const [letter, setLetter] = useState<TLetter | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [crest, setCrest] = useState<File | null>(null);
  const [options, setOptions] = useState({ strataBy: 'district_age_sex', allocation: 'proportional', size: '1000', seed: '' });
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  /** Which section's action the message belongs to: it is shown there. */
  const [at, setAt] = useState<'draw' | 'letter' | 'crest' | 'letters'>('draw');
  useEffect(() => { if (letterLoaded.data) setLetter(letterLoaded.data); }, [letterLoaded.data]);
  useEffect(() => () => { if (download) URL.revokeObjectURL(download.url); }, [download]);
  if (project.error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={project.error} /></>;
  if (!project.data || sample.data === undefined) return <Loading />;
  const s = sample.data;
  const labels = { file: t('sample.file'), strataBy: t('sample.strataBy'), allocation: t('sample.allocation'), size: t('sample.size'), seed: t('sample.seed'), sender: t('sample.sender'), subject: t('sample.subject'), body: t('sample.body'), reminderBody: t('sample.reminderBody'), signature: t('sample.signature') };
  const run = async (fn: () => Promise<unknown>, msg: string, section: typeof at) => {
    setError(null); setMessage(''); setAt(section);
    try { await fn(); setMessage(msg); sample.reload(); letterLoaded.reload(); project.reload(); } catch (e) { setError(e); }
  };
  const draw = (e: FormEvent) => {
    e.preventDefault();
    if (!file) { setAt('draw'); setError(new ApiError(400, 'file_missing', t('sample.chooseFile'), 'file')); return; }
    const form = new FormData();
    for (const [k, v] of Object.entries(options)) if (v) form.append(k, v);
    form.append('file', file);
    void run(() => api(`/analyses/${id}/sample`, { method: 'POST', form }), t('sample.drawn'), 'draw');
  };
  const saveLetter = (e: FormEvent) => { e.preventDefault(); if (letter) void run(async () => setLetter(await api<TLetter>(`/analyses/${id}/letter`, { method: 'PUT', body: letter })), t('sample.letterSaved'), 'letter'); };
  const uploadCrest = (e: FormEvent) => {
    e.preventDefault();
    if (!crest) return;
    const form = new FormData();
    form.append('file', crest);
    void run(() => api(`/analyses/${id}/letter/crest`, { method: 'POST', form }), t('sample.crestSaved'), 'crest');
  };
  const letters = async (kind: TLetterKind) => {
    setError(null); setMessage(''); setDownload(null); setAt('letters');
    try {
      const res = await api<Blob>(`/analyses/${id}/letters`, { method: 'POST', body: { kind }, blob: true });
      const name = `${kind === 'reminder' ? 'Erinnerungen' : 'Anschreiben'}-${project.data!.code}.pdf`;
      setDownload({ url: URL.createObjectURL(res), name });
      setMessage(t(kind === 'reminder' ? 'sample.remindersReady' : 'sample.lettersReady'));
      sample.reload();
    } catch (err) { setError(err); }
  };
  return (
    <>
      <p><Link to={`/analysen/${id}`}>{t('analyses.backTo', { title: project.data.title })}</Link></p>
      <PageTitle>{t('sample.title')}</PageTitle>
      {(!s || !s.lettersAt) && (
        <form className="stack card wide" onSubmit={draw} noValidate aria-labelledby="draw">
          <h2 id="draw">{s ? t('sample.redraw') : t('sample.upload')}</h2>
          <details><summary>{t('sample.formatTitle')}</summary><p>{t('sample.format')}</p></details>
          <Field label={t('sample.file')} error={fieldError(error, 'file')}>{(f) => <input id={f.id} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
          <Field label={t('sample.strataBy')} error={fieldError(error, 'strataBy')}>{(f) => <select id={f.id} value={options.strataBy} onChange={(e) => setOptions({ ...options, strataBy: e.target.value })}>
            <option value="district_age_sex">{t('sample.strata.district_age_sex')}</option><option value="age_sex">{t('sample.strata.age_sex')}</option><option value="district">{t('sample.strata.district')}</option></select>}</Field>
          <Field label={t('sample.allocation')}>{(f) => <select id={f.id} value={options.allocation} onChange={(e) => setOptions({ ...options, allocation: e.target.value })}>
            <option value="proportional">{t('sample.alloc.proportional')}</option><option value="fixed">{t('sample.alloc.fixed')}</option></select>}</Field>
          <Field label={t('sample.size')} error={fieldError(error, 'size')}>{(f) => <input id={f.id} inputMode="numeric" value={options.size} onChange={(e) => setOptions({ ...options, size: e.target.value })} aria-invalid={f.invalid} aria-describedby={f.describedBy} />}</Field>
          <Field label={t('sample.seed')} hint={t('sample.seedHint')}>{(f) => <input id={f.id} inputMode="numeric" value={options.seed} onChange={(e) => setOptions({ ...options, seed: e.target.value })} aria-describedby={f.describedBy} />}</Field>
          <div className="actions"><button className="btn" type="submit">{t('sample.drawNow')}</button></div>
          {at === 'draw' && <ActionStatus error={error} success={message} labels={labels} />}
        </form>
      )}
      {s && (
        <section aria-labelledby="drawn">
          <h2 id="drawn">{t('sample.drawnTitle')}</h2>
          <p>{t('sample.summary', { read: s.personsRead, under16: s.under16, size: s.requestedSize, seed: s.seed, file: s.fileName })}</p>
          <p>{s.personalDataDeletedAt ? t('sample.deletedAt', { date: formatDateTime(s.personalDataDeletedAt, locale) }) : t('sample.stored', { n: s.personsStored })}</p>
          <details>
            <summary>{t('sample.strataTable', { n: s.strata.length })}</summary>
            <ScrollRegion label={t('sample.strataTable', { n: s.strata.length })}>
              <table>
                <caption className="visually-hidden">{t('sample.strataTable', { n: s.strata.length })}</caption>
                <thead><tr><th scope="col">{t('monitoring.stratum')}</th><th scope="col" className="num">N</th><th scope="col" className="num">n</th></tr></thead>
                <tbody>{s.strata.map((x) => <tr key={x.key}><th scope="row">{x.key.replaceAll('|', ' · ')}</th><td className="num">{x.population}</td><td className="num">{x.sampleSize}</td></tr>)}</tbody>
              </table>
            </ScrollRegion>
          </details>
        </section>
      )}
      {letter && (
        <form className="stack card wide" onSubmit={saveLetter} noValidate aria-labelledby="letter">
          <h2 id="letter">{t('sample.letter')}</h2>
          <Field label={t('sample.sender')} error={fieldError(error, 'sender')}>{(f) => <input id={f.id} value={letter.sender} onChange={(e) => setLetter({ ...letter, sender: e.target.value })} />}</Field>
          <Field label={t('sample.subject')} error={fieldError(error, 'subject')}>{(f) => <input id={f.id} value={letter.subject} onChange={(e) => setLetter({ ...letter, subject: e.target.value })} />}</Field>
          <Field label={t('sample.body')} error={fieldError(error, 'body')}>{(f) => <textarea id={f.id} rows={8} value={letter.body} onChange={(e) => setLetter({ ...letter, body: e.target.value })} />}</Field>
          <Field label={t('sample.reminderBody')}>{(f) => <textarea id={f.id} rows={4} value={letter.reminderBody} onChange={(e) => setLetter({ ...letter, reminderBody: e.target.value })} />}</Field>
          <Field label={t('sample.signature')}>{(f) => <textarea id={f.id} rows={3} value={letter.signature} onChange={(e) => setLetter({ ...letter, signature: e.target.value })} />}</Field>
          <div className="actions"><button className="btn secondary" type="submit">{t('sample.saveLetter')}</button></div>
          {at === 'letter' && <ActionStatus error={error} success={message} labels={labels} />}
        </form>
      )}
      <form className="stack card" onSubmit={uploadCrest} noValidate aria-labelledby="crest">
        <h2 id="crest">{t('sample.crest')}</h2>
        <p>{letter?.hasCrest ? t('sample.hasCrest') : t('sample.noCrest')}</p>
        <Field label={t('sample.crestFile')} error={fieldError(error, 'file') && crest ? fieldError(error, 'file') : undefined}>{(f) => <input id={f.id} type="file" accept="image/png,image/jpeg" onChange={(e) => setCrest(e.target.files?.[0] ?? null)} />}</Field>
        <div className="actions"><button className="btn secondary" type="submit" disabled={!crest}>{t('sample.uploadCrest')}</button></div>
        {at === 'crest' && <ActionStatus error={error} success={message} labels={labels} />}
      </form>
      {s && !s.personalDataDeletedAt && (
        <section aria-labelledby="letters" className="card">
          <h2 id="letters">{t('sample.letters')}</h2>
          <div className="actions">
            <button type="button" className="btn" onClick={() => letters('invitation')}>{t('sample.makeLetters')}</button>
            {s.lettersAt && <button type="button" className="btn secondary" onClick={() => letters('reminder')}>{t('sample.makeReminders')}</button>}
            {s.lettersAt && <button type="button" className="btn danger" onClick={() => { if (window.confirm(t('sample.deleteConfirm'))) void run(() => api(`/analyses/${id}/personal-data`, { method: 'DELETE' }), t('sample.deleted'), 'letters'); }}>{t('sample.deletePersonal')}</button>}
          </div>
          {at === 'letters' && (
            <ActionStatus error={error} success={message} labels={labels}>
              {download && <p><a className="btn" href={download.url} download={download.name}>{t('sample.download', { name: download.name })}</a></p>}
            </ActionStatus>
          )}
        </section>
      )}
    </>
  );
}
