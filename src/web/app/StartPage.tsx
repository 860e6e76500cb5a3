import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan, useSession } from '../session.js';
import { Loading, PageTitle } from '../ui/components.js';
import { useCommonText } from '../ui/text.js';
import type { CommonKey } from '../i18n/index.js';
import type { TGrant } from '../../modules/auth/auth.types.js';

const scopesOf = (grants: TGrant[], type: NonNullable<TGrant['scopeType']>) =>
  grants.filter((g) => g.scopeType === type && g.scopeId).map((g) => g.scopeId!);

export function StartPage() {
  const { t } = useCommonText();
  const { user, loading } = useSession();
  const can = useCan();
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
  const communes = scopesOf(user.grants, 'commune');
  const directorate = scopesOf(user.grants, 'police_directorate')[0];
  // What the user may do (abilities) and where (the scopes of their grants) decide the next steps.
  const steps: { key: CommonKey; show: boolean; content?: ReactNode }[] = [
    { key: 'start.admin', show: can('auth.users.manage') },
    { key: 'start.lpr', show: can('communes.registry.manageGroups') },
    { key: 'start.commune', show: communes.length > 0,
      content: <>{t('start.commune')} {communes.map((c, i) => <span key={c}>{i > 0 && ', '}<Link to={`/gemeinden/${c}`}>{c}</Link></span>)}</> },
    { key: 'start.police', show: !!directorate, content: <Link to={`/gemeinden?directorate=${directorate}`}>{t('start.police')}</Link> },
    // Coaches run their own processes; the LPR, who may run every process, matches them.
    { key: 'start.coach', show: can('alliance.coaching.run') && !can('alliance.coaching.manage') },
    { key: 'start.council', show: scopesOf(user.grants, 'council').length > 0 },
    { key: 'start.analyst', show: scopesOf(user.grants, 'analysis').length > 0 },
  ];
  return (
    <>
      <PageTitle>{t('start.hello', { name: user.displayName })}</PageTitle>
      <h2>{t('start.roles')}</h2>
      <ul>{user.grants.map((g, i) => <li key={i}>{t(`role.${g.role}`)}{g.scopeId ? ` (${g.scopeId})` : ''}</li>)}</ul>
      <h2>{t('start.todo')}</h2>
      <ul>{steps.filter((s) => s.show).map((s) => <li key={s.key}>{s.content ?? t(s.key)}</li>)}</ul>
      <p><Link to="/gemeinden">{t('start.browse')}</Link></p>
    </>
  );
}
