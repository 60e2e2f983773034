import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from './nb.json';
import en from './en.json';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'omstilling.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v && (LANGUAGES as readonly string[]).includes(v)) return v as Language;
  } catch {
    // Storage may be blocked (privacy settings); Norwegian is the default.
  }
  return 'nb';
}

/** Sets up i18next with Norwegian (bokmål) as default and the user's stored choice. */
export function initI18n(): typeof i18next {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng,
    fallbackLng: 'nb',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  });
  return i18next;
}

/** The current language as one of ours. */
export const currentLanguage = (): Language => ((LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as Language) : 'nb');

type Bundle = Record<string, unknown>;

/**
 * Adds a domain's strings (its own `i18n/{nb,en}.json`, loaded with its lazy pages) under the
 * key `<domain>`, merged into what the main bundle already holds. The main bundle keeps only
 * the shell's strings, so the first load of any page stays small however many domains there are.
 */
export function addDomainTranslations(domain: string, bundles: Record<Language, Bundle>): void {
  for (const lng of LANGUAGES) i18next.addResourceBundle(lng, 'translation', { [domain]: bundles[lng] }, true, false);
}
