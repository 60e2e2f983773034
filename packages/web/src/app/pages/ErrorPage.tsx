import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { PageHeading } from '../ui/PageHeading';
import { AppLink } from '../ui/AppLink';
import { useErrorMessage } from '../ui/Status';

/** Error boundary of every route: says what went wrong without losing the shell. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <>
      <PageHeading>{notFound ? t('errors.notFoundTitle') : t('errors.title')}</PageHeading>
      <Alert data-color="danger" className="block">
        <Paragraph>{notFound ? t('errors.notFound') : message(error)}</Paragraph>
      </Alert>
      <div className="actions">
        <Button variant="secondary" onClick={reset}>
          {t('errors.retry')}
        </Button>
        <AppLink to="/">{t('errors.backHome')}</AppLink>
      </div>
    </>
  );
}
