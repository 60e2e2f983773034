// How program figures read: localized texts, values with their unit, reasons in plain words.
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../app/format';
import type { Indicator, Localized } from './types';

// Units are stored as the program file writes them (Norwegian); English readers get English.
const UNIT_EN: Record<string, string> = {
  antall: '',
  tonn: 'tonnes',
  'tonn CO₂e': 'tonnes CO₂e',
  'tonn CO₂e per innbygger': 'tonnes CO₂e per resident',
  innbyggere: 'residents',
  'g per porsjon': 'g per portion',
  arbeidsplasser: 'jobs',
  'mill. kr': 'NOK m',
  'per 1 000 innbyggere': 'per 1,000 residents',
  'kg per innbygger': 'kg per resident',
  'per 1 000 m²': 'per 1,000 m²',
};
// "antall" (a count) needs no unit after the number.
const UNIT_NB: Record<string, string> = { antall: '' };

/** The unit as the reader's language writes it ('' for plain counts). */
export function unitLabel(unit: string, lng: string): string {
  const map = lng === 'en' ? UNIT_EN : UNIT_NB;
  return unit in map ? map[unit]! : unit;
}

/** A value with its unit: "83 %", "57 800 tonn CO₂e", "8". */
export function formatValue(n: number | null | undefined, ind: Pick<Indicator, 'unit' | 'decimals'>, lng: string, extraDigits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  const num = formatNumber(n, lng, Math.max(0, ind.decimals) + extraDigits);
  const u = unitLabel(ind.unit, lng);
  if (!u) return num;
  return `${num}\u00a0${u}`;
}

/** The program's formatters bound to the current language. */
export function useProgramFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language === 'en' ? 'en' : 'nb';
  return {
    lng,
    /** The text in the reader's language (nb when no English is given). */
    loc: (l: Localized | null | undefined): string => (l ? (lng === 'en' ? l.en || l.nb : l.nb) : ''),
    value: (n: number | null | undefined, ind: Pick<Indicator, 'unit' | 'decimals'>, extraDigits = 0) => formatValue(n, ind, lng, extraDigits),
    number: (n: number | null | undefined, digits = 1) => formatNumber(n, lng, digits),
    date: (d: string | null | undefined) => formatDate(d, lng),
    unit: (u: string) => unitLabel(u, lng),
    year: (d: string | null | undefined) => (d ? d.slice(0, 4) : '–'),
    /** A difference of percentages: "3,5 prosentpoeng". */
    points: (n: number, digits = 1) => `${formatNumber(n, lng, digits)}\u00a0${i18n.t('program.percentagePoints')}`,
  };
}

export type ProgramFormat = ReturnType<typeof useProgramFormat>;

/** Interpolation values for a status reason: numbers with unit, dates in the locale. */
export function reasonParams(reason: { params: Record<string, number | string> }, ind: Pick<Indicator, 'unit' | 'decimals'>, f: ProgramFormat): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(reason.params)) {
    // A distance between two shares is in percentage points, not per cent.
    if (typeof v === 'number' && (k === 'gap' || k === 'allowed') && ind.unit === '%') out[k] = f.points(Math.abs(v), ind.decimals + 1);
    else if (typeof v === 'number') out[k] = f.value(k === 'gap' ? Math.abs(v) : v, ind, k === 'allowed' || k === 'gap' ? 1 : 0);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) out[k] = f.date(v);
    else out[k] = v;
  }
  return out;
}
