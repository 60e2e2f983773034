import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading';
import { AppLink } from '../ui/AppLink';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('errors.notFoundTitle')}</PageHeading>
      <Paragraph>{t('errors.notFound')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('errors.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}
