import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** A spinner with a translated label, for content that is on its way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-label={label ?? t('common.loading')} data-size="md" />
    </div>
  );
}

/** The translated message of an error, falling back to the server's (Norwegian) text. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.codes.${error.code}`;
      // Validation/import/conflict messages are specific; keep the server's words for them.
      if (['validation', 'import_failed', 'conflict'].includes(error.code)) return error.message;
      const translated = t(key, { defaultValue: '' });
      return translated || error.message;
    }
    return t('errors.unexpected');
  };
}

/** An alert for a failed request. */
export function QueryError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert data-color="danger" className="block">
      <Heading level={2} data-size="xs">
        {title ?? t('errors.loadFailed')}
      </Heading>
      <Paragraph>{message(error)}</Paragraph>
    </Alert>
  );
}
