import { useTranslation } from 'react-i18next';
import { apiUrl } from '../app/api';

/** Links to the program's spreadsheet exports and the council report (public or internal edition). */
export function Downloads({ programId, scope }: { programId: string; scope: 'public' | 'internal' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  const base = `${scope === 'public' ? '/public' : ''}/programs/${encodeURIComponent(programId)}`;
  return (
    <ul className="downloads">
      <li>
        <a href={apiUrl(`${base}/export.csv`, { lang })} download>
          {t('program.downloads.csv')}
        </a>
      </li>
      <li>
        <a href={apiUrl(`${base}/export.xlsx`, { lang })} download>
          {t('program.downloads.xlsx')}
        </a>
      </li>
      <li>
        <a href={apiUrl(`${base}/report.pdf`)} type="application/pdf">
          {t('program.downloads.pdf')}
        </a>
      </li>
    </ul>
  );
}
