import { Link, useParams } from 'react-router';
import { formatFixed, formatNumber } from '../../api.js';
import { useCan } from '../../session.js';
import { Alert, ErrorAlert, Loading, PageTitle, ScrollRegion } from '../../ui/components.js';
import { LineChart } from '../../ui/LineChart.js';
import { useApi } from '../../useApi.js';
import type { TMapBase } from '../../../modules/surveys/surveys.types.js';
import type { TFindings, TIndicatorFinding, TIndicatorGroup } from '../../../modules/evaluation/evaluation.types.js';
import { ClusterMap, districtOf, DomainTable, pct, REASONS, ShareCells, ShareHead, SUPPRESSED, SuppressionNote, TIMES } from './parts.js';
import { useText } from './messages.js';

/** The groups in the order the page shows them (the server's INDICATOR_GROUPS). */
const GROUPS: readonly TIndicatorGroup[] = ['fear', 'cognitive', 'conative', 'places', 'incivilities', 'victimisation', 'reporting', 'trust', 'satisfaction'];

export function AnalysisSubnav({ id }: { id: string }) {
  const { t } = useText();
  const work = useCan()('evaluation.analysis.work');
  return (
    <nav aria-label={t('eval.subnav')} className="subnav">
      <ul>
        <li><Link to={`/analysen/${id}`}>{t('eval.toProject')}</Link></li>
        <li><Link to={`/analysen/${id}/ergebnisse`}>{t('eval.findings')}</Link></li>
        {work && <li><Link to={`/analysen/${id}/gewichtung`}>{t('eval.weighting')}</Link></li>}
        <li><Link to={`/analysen/${id}/empfehlungen`}>{t('eval.recommendations')}</Link></li>
        <li><Link to={`/analysen/${id}/bericht`}>{t('eval.report')}</Link></li>
      </ul>
    </nav>
  );
}

function IndicatorTable({ caption, list }: { caption: string; list: TIndicatorFinding[] }) {
  const { t, locale } = useText();
  return (
    <ScrollRegion label={caption}>
      <table className="findings">
        <caption>{caption}</caption>
        <ShareHead first={t('eval.indicator')} />
        <tbody>{list.map((f) => (
          <tr key={f.key}><th scope="row">{f.label[locale === 'en' ? 'en' : 'de'] || f.label.de}<br /><span className="muted">{f.definition[locale === 'en' ? 'en' : 'de']}</span></th><ShareCells cell={f.overall} /></tr>
        ))}</tbody>
      </table>
    </ScrollRegion>
  );
}

export function FindingsPage() {
  const { id } = useParams();
  const { t, locale } = useText();
  const lang = locale === 'en' ? 'en' : 'de';
  const loaded = useApi<TFindings>(`/analyses/${id}/findings`);
  const f = loaded.data;
  const areas = useApi<TMapBase>(f ? `/analyses/${f.project.id}/map` : null);
  if (loaded.error) return <><PageTitle>{t('eval.findings')}</PageTitle><ErrorAlert error={loaded.error} /></>;
  if (!f) return <Loading />;
  const unsafe = f.indicators.find((i) => i.key === 'unsafe_night');
  const byKey = new Map(f.indicators.map((i) => [i.key, i]));
  const num = (v: number | null, d = 0) => formatFixed(v, locale, d);
  return (
    <>
      <p><Link to={`/analysen/${f.project.id}`}>{t('eval.back', { title: f.project.title })}</Link></p>
      <PageTitle>{t('eval.findingsTitle', { commune: f.project.communeName })}</PageTitle>
      <AnalysisSubnav id={f.project.id} />
      {f.project.status === 'running' && <Alert>{t('eval.preliminary')}</Alert>}
      {f.weightingWarning && <Alert kind="error">{f.weightingWarning}</Alert>}
      {f.mixing.mixed < f.mixing.threshold && <Alert>{t('eval.notYetMixed', { k: f.mixing.threshold, n: f.mixing.mixed })}</Alert>}
      <ul className="tiles" aria-label={t('eval.keyFigures')}>
        <li><span className="value">{formatNumber(f.responses, locale)}</span>{t('eval.responses')}</li>
        {unsafe && <li><span className="value">{unsafe.overall.suppressed ? SUPPRESSED : pct(unsafe.overall.estimate, locale, 0)}</span>{t('eval.unsafeTile')}</li>}
        {byKey.get('victim_any') && <li><span className="value">{byKey.get('victim_any')!.overall.suppressed ? SUPPRESSED : pct(byKey.get('victim_any')!.overall.estimate, locale, 0)}</span>{t('eval.victimTile')}</li>}
        <li><span className="value">{f.fearPlaces.clusters.length}</span>{t('eval.clustersTile', { n: f.publication.minClusterSize })}</li>
      </ul>
      <p>{t('eval.weightedWith', { method: t(`eval.method.${f.weighting.method}`), n: f.weighting.respondents })}</p>
      <SuppressionNote min={f.publication.minRespondents} />

      {unsafe && (
        <section aria-labelledby="unsafe">
          <h2 id="unsafe">{t('eval.unsafeTitle')}</h2>
          <p>{unsafe.definition[lang]}</p>
          <DomainTable caption={t('eval.byDistrict')} what={t('eval.district')} cells={unsafe.byDistrict} />
          <DomainTable caption={t('eval.byAge')} what={t('eval.ageGroup')} cells={unsafe.byAgeGroup} />
          <DomainTable caption={t('eval.bySex')} what={t('eval.sex')} cells={unsafe.bySex} />
        </section>
      )}

      {GROUPS.map((g) => {
        let list = f.indicators.filter((i) => i.group === g && !(g === 'fear'));
        if (!list.length) return null;
        if (g === 'incivilities') list = f.incivilitiesRanked.map((k) => byKey.get(k)!);
        return (
          <section key={g} aria-labelledby={`g-${g}`}>
            <h2 id={`g-${g}`}>{t(`eval.group.${g}`)}</h2>
            {g === 'incivilities' && <p>{t('eval.incivilitiesRanked')}</p>}
            <IndicatorTable caption={t(`eval.group.${g}`)} list={list} />
          </section>
        );
      })}

      <section aria-labelledby="fear-places">
        <h2 id="fear-places">{t('eval.fearPlaces')}</h2>
        <p>{t('eval.fearPlacesText', { people: f.fearPlaces.respondentsWithMarks, marks: f.fearPlaces.marksTotal, min: f.publication.minClusterSize, radius: f.publication.clusterRadiusM, hidden: f.fearPlaces.marksSuppressed + f.fearPlaces.marksWithoutLocation })}</p>
        {f.fearPlaces.clusters.length > 0 && areas.data && <ClusterMap map={areas.data} clusters={f.fearPlaces.clusters} label={t('eval.clusterMap', { commune: f.project.communeName })} />}
        {f.fearPlaces.clusters.length > 0 ? (
          <ScrollRegion label={t('eval.clusterTable')}>
            <table>
              <caption>{t('eval.clusterTable')}</caption>
              <thead><tr><th scope="col">{t('eval.clusterNo')}</th><th scope="col" className="num">{t('eval.people')}</th><th scope="col">{t('eval.reasons')}</th><th scope="col">{t('eval.timeOfDay')}</th><th scope="col">{t('eval.position')}</th></tr></thead>
              <tbody>{f.fearPlaces.clusters.map((c) => (
                <tr key={c.id}><th scope="row">{c.id}</th><td className="num">{c.respondents}</td>
                  <td>{c.reasons.slice(0, 3).map((r) => `${t(REASONS[r.value] ?? 'eval.reason.7')} (${r.count})`).join(', ')}</td>
                  <td>{c.times[0] ? t(TIMES[c.times[0].value] ?? 'eval.time.3') : '–'}</td>
                  <td>{districtOf(areas.data, c) ? `${districtOf(areas.data, c)}; ` : ''}{c.lat.toFixed(4)}, {c.lon.toFixed(4)} ({t('eval.radius', { m: c.radiusM })})</td></tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
        ) : <p>{t('eval.noClusters')}</p>}
      </section>

      <section aria-labelledby="crime">
        <h2 id="crime">{t('eval.crime')}</h2>
        {!f.crime ? <p>{t('eval.noCrime')}</p> : (
          <>
            <ScrollRegion label={t('eval.crimeTotal', { year: f.crime.latestYear })}>
              <table>
                <caption>{t('eval.crimeTotal', { year: f.crime.latestYear })}</caption>
                <thead><tr><th scope="col">{t('eval.area')}</th><th scope="col" className="num">{t('eval.cases')}</th><th scope="col" className="num">{t('eval.crimeRate')}</th><th scope="col" className="num">{t('eval.clearance')}</th></tr></thead>
                <tbody>{([[f.crime.commune, f.crime.total.commune], [f.crime.kreis, f.crime.total.kreis], [t('eval.saxony'), f.crime.total.saxony]] as const).map(([name, v]) => (
                  <tr key={name}><th scope="row">{name}</th><td className="num">{v ? num(v.cases) : '–'}</td><td className="num">{num(v?.crimeRate ?? null)}</td><td className="num">{v?.clearanceRate === null || !v ? '–' : `${num(v.clearanceRate, 1)} %`}</td></tr>
                ))}</tbody>
              </table>
            </ScrollRegion>
            {f.crime.trend.length > 1 && (
              <>
                <LineChart categories={f.crime.trend.map((y) => String(y.year))} label={t('eval.crimeTrend')} wideAxis variant="line"
                  series={[{ name: f.crime.commune, values: f.crime.trend.map((y) => y.commune ?? NaN) }, { name: f.crime.kreis, values: f.crime.trend.map((y) => y.kreis ?? NaN) }, { name: t('eval.saxony'), values: f.crime.trend.map((y) => y.saxony ?? NaN) }]} />
                <ScrollRegion label={t('eval.crimeTrend')}>
                  <table>
                    <caption>{t('eval.crimeTrend')}</caption>
                    <thead><tr><th scope="col">{t('eval.year')}</th><th scope="col" className="num">{f.crime.commune}</th><th scope="col" className="num">{f.crime.kreis}</th><th scope="col" className="num">{t('eval.saxony')}</th></tr></thead>
                    <tbody>{f.crime.trend.map((y) => <tr key={y.year}><th scope="row">{y.year}</th><td className="num">{num(y.commune)}</td><td className="num">{num(y.kreis)}</td><td className="num">{num(y.saxony)}</td></tr>)}</tbody>
                  </table>
                </ScrollRegion>
              </>
            )}
            <h3>{t('eval.crimeVsPerception')}</h3>
            <ScrollRegion label={t('eval.crimeVsPerception')}>
              <table>
                <caption className="visually-hidden">{t('eval.crimeVsPerception')}</caption>
                <thead><tr><th scope="col">{t('eval.survey')}</th><th scope="col" className="num">{t('eval.share')}</th><th scope="col">{t('eval.recorded')}</th><th scope="col" className="num">{t('eval.value')}</th></tr></thead>
                <tbody>{f.crimeVsPerception.filter((p) => p.survey).map((p) => (
                  <tr key={p.label.de}><th scope="row">{p.label[lang]}</th><td className="num">{p.survey!.suppressed ? SUPPRESSED : pct(p.survey!.estimate, locale)}</td><td>{p.recordedLabel[lang]}</td><td className="num">{num(p.recorded, 1)}</td></tr>
                ))}</tbody>
              </table>
            </ScrollRegion>
            <p className="note">{f.crime.sources.map((s) => `${s.source} (${s.version})`).join('; ')}. {f.crime.populationBasis}</p>
          </>
        )}
      </section>

      {f.waves.map((w) => {
        const [first, second] = w.project.earlier ? [w.project.startOn.slice(0, 4), f.project.startOn.slice(0, 4)] : [f.project.startOn.slice(0, 4), w.project.startOn.slice(0, 4)];
        return (
          <section key={w.project.id} aria-labelledby={`wave-${w.project.id}`}>
            <h2 id={`wave-${w.project.id}`}>{t('eval.waveTitle', { title: w.project.title })}</h2>
            {w.project.status === 'running' && <p>{t('eval.waveRunning')}</p>}
            <ScrollRegion label={t('eval.waveTitle', { title: w.project.title })}>
              <table>
                <caption>{t('eval.waveCaption', { first, second })}</caption>
                <thead><tr><th scope="col">{t('eval.indicator')}</th><th scope="col" className="num">{first}</th><th scope="col" className="num">{second}</th><th scope="col" className="num">{t('eval.change')}</th><th scope="col" className="num">{t('eval.changeCi')}</th></tr></thead>
                <tbody>{w.rows.map((r) => {
                  const [a, b] = w.project.earlier ? [r.other, r.current] : [r.current, r.other];
                  return (
                    <tr key={r.key}><th scope="row">{r.label[lang] || r.label.de}</th>
                      <td className="num">{a.suppressed ? SUPPRESSED : pct(a.estimate, locale)}</td><td className="num">{b.suppressed ? SUPPRESSED : pct(b.estimate, locale)}</td>
                      <td className="num">{r.difference ? `${r.difference.estimate >= 0 ? '+' : ''}${num(r.difference.estimate * 100, 1)}${r.difference.significant ? ` (${t('eval.significant')})` : ''}` : SUPPRESSED}</td>
                      <td className="num">{r.difference ? `${num(r.difference.low * 100, 1)} … ${num(r.difference.high * 100, 1)}` : SUPPRESSED}</td></tr>
                  );
                })}</tbody>
              </table>
            </ScrollRegion>
          </section>
        );
      })}
      {f.wavesWithheld && (
        <section aria-labelledby="waves-withheld">
          <h2 id="waves-withheld">{t('eval.wavesWithheldTitle')}</h2>
          <p>{t('eval.wavesWithheld')}</p>
        </section>
      )}
    </>
  );
}
