import { useCallback, useId } from 'react';
import { Link } from 'react-router';
import { useSession } from '../session.js';
import { ErrorAlert, Loading, PageTitle } from '../ui/components.js';
import { useCommonText } from '../ui/text.js';
import { formatDate } from '../api.js';
import { useApi } from '../useApi.js';
import { translate, useI18n, type Locale } from '../i18n/index.js';
import { useWebModules } from './slots.js';
import type { TDashboard, TDashboardCard, TDashboardText } from '../../server/aggregates/dashboard.types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');

/** Resolves a card text with the catalog of the module that contributed the card; dates and numbers in the page's style. */
function useCardText() {
  const modules = useWebModules();
  const { locale } = useI18n();
  return useCallback((module: string, text: TDashboardText): string => {
    if (typeof text === 'string') return text;
    const owner = modules.find((m) => m.name === module);
    const vars = Object.fromEntries(Object.entries(text.vars ?? {}).map(([k, v]) => [k,
      k === 'count' ? v : typeof v === 'number' ? v.toLocaleString(tag(locale)) : ISO_DATE.test(v) ? formatDate(v, locale)
        : ISO_DATE_TIME.test(v) ? new Date(v).toLocaleString(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }) : v]));
    return translate(owner?.dashboard ?? owner?.messages ?? { de: {}, en: {} }, locale, text.key, vars);
  }, [modules, locale]);
}

const ItemLabel = ({ link, children }: { link: string | null; children: string }) =>
  link ? <Link to={link} className="dash-item-label">{children}</Link> : <span className="dash-item-label">{children}</span>;

/** One card of the start page: a task list, a list of records waiting for a step, or a figure. */
function DashboardCard({ card }: { card: TDashboardCard }) {
  const { t, locale } = useCommonText();
  const text = useCardText();
  const tx = (value: TDashboardText) => text(card.module, value);
  const id = useId();
  return (
    <section className="dash-card" aria-labelledby={id}>
      <h2 id={id}>{tx(card.title)}</h2>
      {card.kind === 'metric' && (
        <p className="dash-metric">
          <span className="dash-value">{card.unit === 'percent'
            ? card.value.toLocaleString(tag(locale), { style: 'percent', maximumFractionDigits: 0 })
            : card.value.toLocaleString(tag(locale))}</span>
          {card.detail && <span> {tx(card.detail)}</span>}
        </p>
      )}
      {card.kind === 'tasks' && (card.items.length ? (
        <ul className="dash-list">{card.items.map((item, i) => (
          <li key={i}>
            <ItemLabel link={item.link}>{tx(item.label)}</ItemLabel>
            <span className="dash-meta">
              {item.commune && <span>{item.commune}</span>}
              {item.due && <span className={item.overdue ? 'dash-overdue' : undefined}>
                {t(item.overdue ? 'start.overdue' : 'start.due', { date: formatDate(item.due, locale) })}</span>}
            </span>
          </li>
        ))}</ul>
      ) : <p className="dash-empty">{tx(card.empty)}</p>)}
      {card.kind === 'records' && (card.items.length ? (
        <ul className="dash-list">{card.items.map((item, i) => (
          <li key={i}>
            <ItemLabel link={item.link}>{tx(item.label)}</ItemLabel>
            <span className="dash-meta">
              {item.commune && <span>{item.commune}</span>}
              {item.state && <span className="dash-state">{tx(item.state)}</span>}
            </span>
            {item.detail && <span className="dash-detail">{tx(item.detail)}</span>}
          </li>
        ))}</ul>
      ) : <p className="dash-empty">{tx(card.empty)}</p>)}
      {card.kind !== 'metric' && card.total > card.items.length && <p className="dash-more">{t('start.more', { count: card.total - card.items.length })}</p>}
      {card.link && <p className="dash-link"><Link to={card.link.href}>{tx(card.link.label)}</Link></p>}
    </section>
  );
}

/** The signed-in start page: the modules' cards of the person's own work (GET /api/dashboard). */
function Dashboard() {
  const { t } = useCommonText();
  const { data, error } = useApi<TDashboard>('/dashboard');
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  // One entry per role, with the names of all its scopes (an analyst with two analyses).
  const scopes = new Map<string, string[]>();
  for (const r of data.roles) scopes.set(r.role, [...(scopes.get(r.role) ?? []), ...(r.scope ? [r.scope] : [])]);
  const roles = [...scopes].map(([role, names]) => {
    const label = t(`role.${role}` as Parameters<typeof t>[0]);
    return names.length ? t('start.roleIn', { role: label, scope: names.join(' · ') }) : label;
  });
  return (
    <>
      <p className="dash-roles">{t('start.yourRoles', { count: roles.length, roles: roles.join('; ') })}</p>
      {data.items.length
        ? <div className="dash-grid">{data.items.map((c) => <DashboardCard key={c.key} card={c} />)}</div>
        : <p>{t('start.nothing')}</p>}
    </>
  );
}

export function StartPage() {
  const { t } = useCommonText();
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) {
    return (
      <>
        <PageTitle>{t('start.title')}</PageTitle>
        <p>{t('start.public')}</p>
        <p><Link to="/gemeinden">{t('start.browse')}</Link> · <Link to="/anmelden">{t('nav.login')}</Link></p>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('start.hello', { name: user.displayName })}</PageTitle>
      <Dashboard />
      <p><Link to="/gemeinden">{t('start.browse')}</Link></p>
    </>
  );
}
