import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { DeliveryPage, FarmDetail, FarmListItem, Options, Results } from './types';

export const DELIVERIES_PAGE_SIZE = 20;

export const agKeys = {
  all: ['agriculture'] as const,
  options: () => ['agriculture', 'options'] as const,
  results: () => ['agriculture', 'results'] as const,
  farms: () => ['agriculture', 'farms'] as const,
  farm: (id: string) => ['agriculture', 'farm', id] as const,
  deliveries: (id: string, page: number) => ['agriculture', 'deliveries', id, page] as const,
};

export const useOptions = () => useQuery({ queryKey: agKeys.options(), queryFn: ({ signal }) => api<Options>('/agriculture/options', { signal }), staleTime: 5 * 60_000 });
export const useResults = (enabled: boolean) => useQuery({ queryKey: agKeys.results(), queryFn: ({ signal }) => api<Results>('/agriculture/results', { signal }), enabled });
export const useFarms = () => useQuery({ queryKey: agKeys.farms(), queryFn: ({ signal }) => api<FarmListItem[]>('/agriculture/farms', { signal }) });
export const useFarm = (id: string) => useQuery({ queryKey: agKeys.farm(id), queryFn: ({ signal }) => api<FarmDetail>(`/agriculture/farms/${encodeURIComponent(id)}`, { signal }) });
export const useDeliveries = (id: string, page: number) =>
  useQuery({ queryKey: agKeys.deliveries(id, page), queryFn: ({ signal }) => api<DeliveryPage>(`/agriculture/farms/${encodeURIComponent(id)}/deliveries`, { signal, query: { limit: DELIVERIES_PAGE_SIZE, offset: (page - 1) * DELIVERIES_PAGE_SIZE } }), placeholderData: keepPreviousData });

/** The name of a reference entry in the reader's language. */
export const nameOf = (list: readonly { key: string; nb: string; en: string }[] | undefined, key: string, lang: string) => {
  const e = list?.find((x) => x.key === key);
  return e ? (lang === 'en' ? e.en : e.nb) : key;
};
