// Numbers and dates for the reader's language: nb writes 1 234,5 and 27.11.2026.
import { formatOrgNumber } from '@omstilling/core/organisations/orgnr';
import { useTranslation } from 'react-i18next';

const LOCALE: Record<string, string> = { nb: 'nb-NO', en: 'en-GB' };

/** The Intl locale of an app language. */
export const localeOf = (lng: string): string => LOCALE[lng] ?? 'nb-NO';

/** A number with the locale's grouping and decimal sign (nb: "1 234,5"). */
export function formatNumber(n: number | null | undefined, lng: string, maxFractionDigits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  return new Intl.NumberFormat(localeOf(lng), { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** A date (ISO string or Date) as the locale writes it (nb: "27.11.2026"). */
export function formatDate(d: string | Date | null | undefined, lng: string): string {
  if (!d) return '–';
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  return new Intl.DateTimeFormat(localeOf(lng), { dateStyle: 'short' }).format(date);
}

/** A date and time (nb: "27.11.2026, 14:05"). */
export function formatDateTime(d: string | Date | null | undefined, lng: string): string {
  if (!d) return '–';
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return String(d);
  return new Intl.DateTimeFormat(localeOf(lng), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export { formatOrgNumber };

/** The formatters bound to the current language, re-rendering when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return {
    number: (n: number | null | undefined, digits?: number) => formatNumber(n, lng, digits),
    date: (d: string | Date | null | undefined) => formatDate(d, lng),
    dateTime: (d: string | Date | null | undefined) => formatDateTime(d, lng),
    orgNumber: formatOrgNumber,
  };
}
