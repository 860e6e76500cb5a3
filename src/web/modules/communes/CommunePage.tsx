import { Link, useParams } from 'react-router';
import { formatDate, formatNumber } from '../../api.js';
import { useText } from './messages.js';
import { ErrorAlert, Loading, PageTitle, Alert, ScrollRegion } from '../../ui/components.js';
import { OutlineMap } from '../../ui/OutlineMap.js';
import { useApi } from '../../useApi.js';
import { CommunePanels } from '../../app/slots.js';
import type { TCommuneDetail, TCommuneRef } from '../../../modules/communes/communes.types.js';

export function CommunePage() {
  const { ags } = useParams();
  const { t, locale } = useText();
  const { data: c, error } = useApi<TCommuneDetail>(`/communes/${ags}`);
  if (error) return <><PageTitle>{t('notFound.title')}</PageTitle><ErrorAlert error={error} /><p><Link to="/gemeinden">{t('commune.back')}</Link></p></>;
  if (!c) return <Loading />;
  const n = (x: number) => formatNumber(x, locale);
  const refs = (list: TCommuneRef[]) => list.map((r, i) => <span key={r.ags}>{i > 0 && ', '}<Link to={`/gemeinden/${r.ags}`}>{r.name}</Link></span>);
  return (
    <>
      <p><Link to="/gemeinden">{t('commune.back')}</Link></p>
      <PageTitle>{c.name}</PageTitle>
      {c.successor && c.validUntil && (
        <Alert>{t('commune.merged', { date: formatDate(c.validUntil, locale) })} <Link to={`/gemeinden/${c.successor.ags}`}>{c.successor.name}</Link></Alert>
      )}
      <div className="grid-2">
        <section aria-labelledby="facts">
          <h2 id="facts">{t('commune.facts')}</h2>
          <dl className="facts">
            <dt>{t('commune.ags')}</dt><dd>{c.ags}</dd>
            <dt>{t('commune.type')}</dt><dd>{c.type}{c.isGrosseKreisstadt ? ` (${t('commune.gks')})` : ''}</dd>
            <dt>{t('commune.district')}</dt><dd><Link to={`/gemeinden?district=${c.districtAgs}`}>{c.districtName}</Link></dd>
            <dt>{t('commune.directorate')}</dt><dd><Link to={`/gemeinden?directorate=${c.policeDirectorateId}`}>{c.policeDirectorateName}</Link></dd>
            <dt>{t('commune.association')}</dt><dd>{c.associationName} ({c.associationType})</dd>
            {c.associationMembers.length > 0 && <><dt>{t('commune.associationMembers')}</dt><dd>{refs(c.associationMembers)}</dd></>}
            <dt>{t('commune.population', { date: formatDate(c.referenceDate, locale) })}</dt>
            <dd>{n(c.population)} ({n(c.populationMale)} {t('commune.male')}, {n(c.populationFemale)} {t('commune.female')})</dd>
            <dt>{t('commune.area')}</dt><dd>{n(c.areaKm2)} km²</dd>
            <dt>{t('commune.density')}</dt><dd>{n(c.density)}</dd>
            {c.postalCode && <><dt>{t('commune.postalCode')}</dt><dd>{c.postalCode}</dd></>}
            {c.predecessors.length > 0 && <><dt>{t('commune.predecessors')}</dt><dd>{refs(c.predecessors)}</dd></>}
          </dl>
          <CommunePanels ags={c.ags} />
          <h2>{t('commune.groups')}</h2>
          {c.groups.length === 0 ? <p>{t('commune.noGroups')}</p>
            : <ul>{c.groups.map((g) => <li key={g.id}><Link to={`/gruppen#gruppe-${g.id}`}>{g.name}</Link> ({g.kind})</li>)}</ul>}
          <h2>{t('commune.history')}</h2>
          <ScrollRegion label={t('commune.history')}>
            <table>
              <caption className="visually-hidden">{t('commune.history')}</caption>
              <thead><tr><th scope="col">{t('commune.date')}</th><th scope="col" className="num">{t('communes.colPopulation')}</th>
                <th scope="col" className="num">{t('commune.male')}</th><th scope="col" className="num">{t('commune.female')}</th></tr></thead>
              <tbody>{c.populationHistory.map((h) => (
                <tr key={h.referenceDate}><th scope="row">{formatDate(h.referenceDate, locale)}</th><td className="num">{n(h.population)}</td>
                  <td className="num">{n(h.populationMale)}</td><td className="num">{n(h.populationFemale)}</td></tr>
              ))}</tbody>
            </table>
          </ScrollRegion>
        </section>
        <section aria-labelledby="map">
          <h2 id="map">{t('commune.map')}</h2>
          {c.geometry && <OutlineMap geometry={c.geometry} label={t('commune.mapAlt', { name: c.name, district: c.districtName })} />}
        </section>
      </div>
    </>
  );
}
