// What the footprint pages share: number formats, the language of core's labels, the API calls.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FootprintTally } from '@omstilling/core/footprint/index';
import { api } from '../app/api';
import { formatNumber } from '../app/format';

export interface District {
  key: string;
  name: string;
}
export type TallyView = FootprintTally & { districts: District[] };

export const footprintKeys = { districts: ['footprint', 'districts'] as const, tally: ['footprint', 'tally'] as const };

export function useDistricts() {
  return useQuery({ queryKey: footprintKeys.districts, queryFn: () => api<District[]>('/public/footprint/districts'), staleTime: 300_000 });
}

export function useTally() {
  return useQuery({ queryKey: footprintKeys.tally, queryFn: () => api<TallyView>('/public/footprint/tally'), staleTime: 30_000 });
}

/** Numbers in the page's language, and core's { nb, en } labels in it. */
export function useFp() {
  const { t, i18n } = useTranslation();
  const lang: 'nb' | 'en' = i18n.language === 'en' ? 'en' : 'nb';
  return {
    t,
    lang,
    loc: (x: { nb: string; en: string }) => x[lang],
    n: (v: number, d = 0) => formatNumber(v, i18n.language, d),
    tonnes: (kg: number) => formatNumber(kg / 1000, i18n.language, 1),
    unit: (u: string) => t(`footprint.units.${u}`, { defaultValue: u }),
  };
}
