import { Link, Outlet } from '@tanstack/react-router';
import { Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../auth';
import { Header } from './Header';
import { Nav } from './Nav';

export function Layout() {
  const { t } = useTranslation();
  const meta = useMeta();
  const m = meta.data?.municipality;
  return (
    <div className="app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <Header />
      <div className="app__body">
        <Nav />
        <main id="main" tabIndex={-1} className="app__main">
          <Outlet />
        </main>
      </div>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <Paragraph data-size="sm">
            {m ? t('footer.municipality', { name: m.name, number: m.number }) : t('app.name')}
          </Paragraph>
          <Paragraph data-size="sm">{t('footer.about')}</Paragraph>
          <Paragraph data-size="sm">
            <Link to="/">{t('footer.home')}</Link>
          </Paragraph>
        </div>
      </footer>
    </div>
  );
}
