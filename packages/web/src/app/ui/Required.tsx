import type { ReactNode } from 'react';
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A field label marked as required in words (not by colour or an asterisk alone). */
export function Required({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {children}{' '}
      <Tag data-color="warning" data-size="sm" className="required-tag">
        {t('form.required')}
      </Tag>
    </>
  );
}
