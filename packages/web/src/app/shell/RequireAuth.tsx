import { Outlet, useRouterState } from '@tanstack/react-router';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth';
import { Loading, QueryError } from '../ui/Status';
import { PageHeading } from '../ui/PageHeading';
import { AppLink } from '../ui/AppLink';

/**
 * Layout route: renders its children for a signed-in user (of a role, if given). The route's
 * guard has already sent visitors without a session to the login page; this covers a session
 * that ends while the page is open (logout in another tab, say).
 */
export function RequireAuth({ admin = false }: { admin?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const href = useRouterState({ select: (s) => s.location.href });
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryError error={session.error} />;
  if (!session.user)
    return (
      <>
        <PageHeading>{t('auth.login')}</PageHeading>
        <Paragraph>{t('auth.loginNeeded')}</Paragraph>
        <Paragraph>
          <AppLink to="/login" search={{ redirect: href }}>
            {t('auth.login')}
          </AppLink>
        </Paragraph>
      </>
    );
  if (admin && session.user.role !== 'admin') {
    return (
      <>
        <PageHeading>{t('errors.forbiddenTitle')}</PageHeading>
        <Alert data-color="warning">
          <Paragraph>{t('errors.forbidden')}</Paragraph>
        </Alert>
      </>
    );
  }
  return <Outlet />;
}
