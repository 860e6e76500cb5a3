import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { hasRole, useSession } from '../session.js';
import { Loading, PageTitle } from '../ui/components.js';
import type { MessageKey } from '../i18n/de.js';

export function StartPage() {
  const { t } = useI18n();
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
  const communes = user.grants.filter((g) => g.role === 'commune').map((g) => g.scopeId!);
  const steps: { key: MessageKey; show: boolean; extra?: React.ReactNode }[] = [
    { key: 'start.admin', show: hasRole(user, 'lpr_admin') },
    { key: 'start.lpr', show: hasRole(user, 'lpr_admin', 'lpr_staff') },
    { key: 'start.commune', show: communes.length > 0 },
    { key: 'start.police', show: hasRole(user, 'police') },
    { key: 'start.coach', show: hasRole(user, 'coach') },
    { key: 'start.council', show: hasRole(user, 'council_member') },
    { key: 'start.analyst', show: hasRole(user, 'analyst') },
  ];
  const directorate = user.grants.find((g) => g.role === 'police')?.scopeId;
  return (
    <>
      <PageTitle>{t('start.hello', { name: user.displayName })}</PageTitle>
      <h2>{t('start.roles')}</h2>
      <ul>{user.grants.map((g, i) => <li key={i}>{t(`role.${g.role}` as MessageKey)}{g.scopeId ? ` (${g.scopeId})` : ''}</li>)}</ul>
      <h2>{t('start.todo')}</h2>
      <ul>
        {steps.filter((s) => s.show).map((s) => (
          <li key={s.key}>
            {s.key === 'start.commune'
              ? <>{t('start.commune')} {communes.map((c, i) => <span key={c}>{i > 0 && ', '}<Link to={`/gemeinden/${c}`}>{c}</Link></span>)}</>
              : s.key === 'start.police' && directorate ? <Link to={`/gemeinden?directorate=${directorate}`}>{t(s.key)}</Link>
              : t(s.key)}
          </li>
        ))}
      </ul>
      <p><Link to="/gemeinden">{t('start.browse')}</Link></p>
    </>
  );
}
