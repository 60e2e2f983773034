import { useEffect, useState } from 'react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMeta, useSession } from '../auth';
import { DOMAINS, WEB_DOMAINS } from '../domains';

/** Every domain of the platform, with the ones not built yet marked; admin pages for admins. */
export function Nav() {
  const { t } = useTranslation();
  const meta = useMeta();
  const { user } = useSession();
  // On narrow screens the menu folds behind a button; it closes again after a navigation.
  const [open, setOpen] = useState(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => setOpen(false), [path]);
  const built = new Set((meta.data?.domains ?? []).filter((d) => d.built).map((d) => d.key));
  return (
    <nav className="side-nav" aria-label={t('nav.label')} data-open={open}>
      <button type="button" className="side-nav__toggle" aria-expanded={open} aria-controls="side-nav-lists" onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true" className="side-nav__toggle-icon" />
        {t('nav.menu')}
      </button>
      <div id="side-nav-lists" className="side-nav__lists">
      <h2 className="side-nav__title">{t('nav.modules')}</h2>
      <ul>
        {DOMAINS.map((d) => {
          const ready = built.has(d) && WEB_DOMAINS.includes(d);
          return (
            <li key={d}>
              <Link to="/$domain" params={{ domain: d }} activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false }}>
                <span>{t(`domains.${d}.name`)}</span>
                {!ready && <span className="side-nav__badge">{t('nav.notBuilt')}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
      <h2 className="side-nav__title">{t('program.nav.residents')}</h2>
      <ul>
        <li>
          <Link to="/public/program" activeProps={{ 'aria-current': 'page' }} activeOptions={{ includeSearch: false, includeHash: false }}>
            {t('program.nav.public')}
          </Link>
        </li>
      </ul>
      {user && (
        <>
          <h2 className="side-nav__title">{t('nav.municipality')}</h2>
          <ul>
            {can.readInternal(user) && (
              <li>
                <Link to="/reporting" activeProps={{ 'aria-current': 'page' }}>
                  {t('program.nav.reporting')}
                </Link>
              </li>
            )}
            <li>
              <Link to="/units" activeProps={{ 'aria-current': 'page' }}>
                {t('nav.units')}
              </Link>
            </li>
            {can.admin(user) && (
              <>
                <li>
                  <Link to="/admin/users" activeProps={{ 'aria-current': 'page' }}>
                    {t('nav.users')}
                  </Link>
                </li>
                <li>
                  <Link to="/admin/audit" activeProps={{ 'aria-current': 'page' }}>
                    {t('nav.audit')}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </>
      )}
      </div>
    </nav>
  );
}
