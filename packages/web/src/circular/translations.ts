// The circular strings, added to i18next when the first circular module loads (app/i18n addDomainTranslations).
import { addDomainTranslations } from '../app/i18n';
import nb from './i18n/nb.json';
import en from './i18n/en.json';

addDomainTranslations('circular', { nb, en });
