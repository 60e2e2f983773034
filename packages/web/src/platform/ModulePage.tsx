import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../app/auth';
import { isDomain, POINTS_BY_DOMAIN } from '../app/domains';
import { NotFoundPage } from '../app/pages/NotFoundPage';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';

/** A domain without pages yet: says so plainly, and which program points it will serve. */
export function ModulePage() {
  const { t } = useTranslation();
  const { domain } = useParams({ from: '/$domain' });
  const meta = useMeta();
  if (!isDomain(domain)) return <NotFoundPage />;
  const builtOnServer = meta.data?.domains.find((d) => d.key === domain)?.built ?? false;
  const points = POINTS_BY_DOMAIN[domain];
  return (
    <>
      <PageHeading>{t(`domains.${domain}.name`)}</PageHeading>
      <Paragraph data-size="lg" className="lead">
        {t(`domains.${domain}.description`)}
      </Paragraph>
      <Alert data-color="info" className="block">
        <Heading level={2} data-size="xs">
          {t('notBuilt.title')}
        </Heading>
        <Paragraph>{builtOnServer ? t('notBuilt.apiOnly') : t('notBuilt.text')}</Paragraph>
      </Alert>
      <Heading level={2} data-size="sm" className="block">
        {t('notBuilt.pointsTitle', { count: points.length })}
      </Heading>
      <ul className="point-list">
        {points.map((p) => (
          <li key={p}>
            <span className="point-code">{p}</span>
            {t(`points.${p}`)}
          </li>
        ))}
      </ul>
      <Paragraph>
        <AppLink to="/">{t('errors.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}
