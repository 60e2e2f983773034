import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/ui/AppLink';

/** The enterprise pages: grant rounds, the register, youth companies, the cluster, and the public directory. */
export function EnterpriseNav() {
  const { t } = useTranslation();
  const links = [
    ['/enterprise', 'enterprise.nav.grants'],
    ['/enterprise/register', 'enterprise.nav.register'],
    ['/enterprise/youth', 'enterprise.nav.youth'],
    ['/enterprise/cluster', 'enterprise.nav.cluster'],
    ['/public/cluster', 'enterprise.nav.public'],
  ] as const;
  return (
    <nav aria-label={t('enterprise.nav.label')} className="ent-nav">
      <ul>
        {links.map(([to, key]) => (
          <li key={to}>
            <AppLink to={to} activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
              {t(key)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
