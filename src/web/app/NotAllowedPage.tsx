import { Link } from 'react-router';
import type { TProviders } from '../../modules/auth/auth.types.js';
import { useSession } from '../session.js';
import { PageTitle } from '../ui/components.js';
import { useCommonText } from '../ui/text.js';
import { useApi } from '../useApi.js';

/**
 * What a signed-in user sees on a page their roles do not include: which page it is and what it is for, why
 * it is closed to them (their roles), and whom to ask (the LPR's administration, with its address if set).
 */
export function NotAllowedPage({ title, about }: { title: string | null; about: string | null }) {
  const { t } = useCommonText();
  const { user } = useSession();
  const contact = useApi<TProviders>('/auth/providers').data?.adminContact ?? null;
  const roles = (user?.grants ?? []).map((g) => `${t(`role.${g.role}`)}${g.scopeId ? ` (${g.scopeId})` : ''}`).join(', ');
  return (
    <>
      <PageTitle>{title ? t('denied.title', { page: title }) : t('notAllowed')}</PageTitle>
      {about && <p>{about}</p>}
      <div className="alert info denied">
        <p>{t('denied.why', { name: user?.displayName ?? '', roles: roles || '–' })}</p>
        <p>{t('denied.ask')}{contact && <> <a href={`mailto:${contact}`}>{contact}</a></>}</p>
      </div>
      <p><Link to="/">{t('denied.home')}</Link></p>
    </>
  );
}
