import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can, useMeta, useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';

const PARTS = ['A', 'B', 'C'] as const;

/** The public front page: what the program is, and the way in for staff. */
export function StartPage() {
  const { t } = useTranslation();
  const meta = useMeta();
  const { user } = useSession();
  const name = meta.data?.municipality?.name;
  return (
    <>
      <PageHeading>{name ? t('start.title', { name }) : t('start.titleGeneric')}</PageHeading>
      <Paragraph data-size="lg" className="lead">
        {t('start.lead')}
      </Paragraph>

      <section aria-labelledby="start-parts">
        <Heading level={2} data-size="md" id="start-parts" className="block">
          {t('start.partsTitle')}
        </Heading>
        <ul className="cards">
          {PARTS.map((p) => (
            <li key={p}>
              <Card data-color="neutral">
                <Heading level={3} data-size="xs">
                  {t(`start.parts.${p}.title`)}
                </Heading>
                <Paragraph data-size="sm">{t(`start.parts.${p}.text`)}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start-public">
        <Heading level={2} data-size="sm" id="start-public" className="block">
          {t('start.publicTitle')}
        </Heading>
        <Paragraph className="lead">{t('start.publicText')}</Paragraph>
        <div className="actions">
          <Button asChild variant={user ? 'secondary' : 'primary'}>
            <Link to="/public/program">{t('program.start.publicLink')}</Link>
          </Button>
        </div>
      </section>

      <section aria-labelledby="start-staff">
        <Heading level={2} data-size="sm" id="start-staff" className="block">
          {t('start.staffTitle')}
        </Heading>
        {user ? (
          <>
            <Paragraph>{t('start.welcome', { name: user.name })}</Paragraph>
            <div className="actions">
              {can.readInternal(user) && (
                <Button asChild variant="primary">
                  <Link to="/program">{t('program.start.internalLink')}</Link>
                </Button>
              )}
              {can.readInternal(user) || user.role === 'business' ? (
                <Button asChild variant="primary">
                  <Link to="/organisations">{t('domains.organisations.name')}</Link>
                </Button>
              ) : null}
              <Button asChild variant="secondary">
                <Link to="/units">{t('nav.units')}</Link>
              </Button>
              {can.admin(user) && (
                <Button asChild variant="secondary">
                  <Link to="/admin/users">{t('nav.users')}</Link>
                </Button>
              )}
            </div>
          </>
        ) : (
          <>
            <Paragraph className="lead">{t('start.staffText')}</Paragraph>
            <div className="actions">
              <Button asChild variant="primary">
                <Link to="/login">{t('auth.login')}</Link>
              </Button>
            </div>
          </>
        )}
      </section>
    </>
  );
}
