import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** One button that switches between bokmål and English; its text is in the language it offers. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'nb' : 'en';
  return (
    <Button
      variant="tertiary"
      data-size="sm"
      lang={other}
      aria-label={t('lang.switchLabel', { lng: other })}
      onClick={() => void i18n.changeLanguage(other)}
      className="lang-switch"
    >
      {t('lang.name', { lng: other })}
    </Button>
  );
}
