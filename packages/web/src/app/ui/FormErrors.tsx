import { ErrorSummary } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export interface FormError {
  /** id of the control the error is about; the summary links to it. */
  id?: string;
  message: string;
}

function focusControl(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

/**
 * Designsystemet's error summary: it takes focus when shown (so it is announced), and each
 * entry links to its field. Give it a new `attempt` key on every failed submit.
 */
export function FormErrorSummary({ errors, heading }: { errors: FormError[]; heading?: string }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <ErrorSummary className="block">
      <ErrorSummary.Heading>{heading ?? t('form.errorSummary')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((e, i) => (
          <ErrorSummary.Item key={`${e.id ?? ''}-${i}`}>
            {e.id ? (
              <ErrorSummary.Link
                href={`#${e.id}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  focusControl(e.id!);
                }}
              >
                {e.message}
              </ErrorSummary.Link>
            ) : (
              e.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
