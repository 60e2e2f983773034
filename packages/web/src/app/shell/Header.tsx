import { Button } from '@digdir/designsystemet-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMeta, useSession } from '../auth';
import { LanguageSwitcher } from './LanguageSwitcher';

export function Header() {
  const { t } = useTranslation();
  const meta = useMeta();
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const href = useRouterState({ select: (s) => s.location.href });
  const onLogin = href.startsWith('/login');
  const name = meta.data?.municipality?.name;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__municipality">{name ?? t('app.name')}</span>
          <span className="brand__program">{t('app.tagline')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitcher />
          {user ? (
            <>
              <span className="user-name">
                <span className="ds-sr-only">{t('auth.signedInAs')} </span>
                {user.name}
              </span>
              <Button
                variant="secondary"
                data-size="sm"
                loading={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/' }) })}
              >
                {t('auth.logout')}
              </Button>
            </>
          ) : (
            !onLogin && (
              <Button asChild variant="primary" data-size="sm">
                <Link to="/login" search={{ redirect: href === '/' ? undefined : href }}>
                  {t('auth.login')}
                </Link>
              </Button>
            )
          )}
        </div>
      </div>
    </header>
  );
}
