import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useSession } from '../app/auth';

/** Links between the certification pages, by what the signed-in user may see. */
export function SubNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = can.readInternal(user);
  const editor = can.editDomain(user, 'certification');
  const links: { to: string; label: string }[] = staff
    ? [
        { to: '/certification', label: t('certification.nav.overview') },
        { to: '/certification/register', label: t('certification.nav.register') },
        { to: '/certification/map', label: t('certification.nav.map') },
        { to: '/certification/reminders', label: t('certification.nav.reminders') },
        { to: '/certification/training', label: t('certification.nav.training') },
        { to: '/certification/schemes', label: t('certification.nav.schemes') },
        ...(editor
          ? [
              { to: '/certification/verification', label: t('certification.nav.verification') },
              { to: '/certification/outreach', label: t('certification.nav.outreach') },
            ]
          : []),
      ]
    : [{ to: '/certification', label: t('certification.nav.mine') }];
  return (
    <nav className="cert-subnav" aria-label={t('certification.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="ds-link" activeProps={{ 'aria-current': 'page' }} activeOptions={{ exact: true, includeSearch: false }}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A share (0–1) as a whole or one-decimal percentage in the reader's language. */
export function usePercent() {
  const { i18n } = useTranslation();
  return (x: number | null | undefined, digits = 0) => (x === null || x === undefined ? '–' : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(x));
}
