// The agriculture strings, added to i18next when the first agriculture page loads (app/i18n addDomainTranslations).
import { addDomainTranslations } from '../app/i18n';
import nb from './i18n/nb.json';
import en from './i18n/en.json';

addDomainTranslations('agriculture', { nb, en });
