import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Catalogue, Coverage, Options, UnitListItem, UnitPageData } from './types';

export const svcKeys = {
  all: ['services'] as const,
  options: () => ['services', 'options'] as const,
  measures: (area?: string) => ['services', 'measures', area ?? ''] as const,
  units: (mine: boolean) => ['services', 'units', mine] as const,
  unit: (id: string) => ['services', 'unit', id] as const,
  coverage: (date?: string) => ['services', 'coverage', date ?? ''] as const,
  public: (area?: string) => ['services', 'public', area ?? ''] as const,
};

export const useOptions = () => useQuery({ queryKey: svcKeys.options(), queryFn: ({ signal }) => api<Options>('/services/options', { signal }), staleTime: 5 * 60_000 });
export const useCatalogue = (area?: string) => useQuery({ queryKey: svcKeys.measures(area), queryFn: ({ signal }) => api<Catalogue>('/services/measures', { signal, query: { area } }) });
export const useUnits = (mine: boolean) => useQuery({ queryKey: svcKeys.units(mine), queryFn: ({ signal }) => api<{ items: UnitListItem[] }>('/services/units', { signal, query: { mine: mine ? 'true' : undefined } }) });
export const useUnitPage = (id: string) => useQuery({ queryKey: svcKeys.unit(id), queryFn: ({ signal }) => api<UnitPageData>(`/services/units/${id}`, { signal }) });
export const useCoverage = (date?: string) => useQuery({ queryKey: svcKeys.coverage(date), queryFn: ({ signal }) => api<Coverage>('/services/coverage', { signal, query: { date } }) });
export const usePublicCatalogue = (area?: string) => useQuery({ queryKey: svcKeys.public(area), queryFn: ({ signal }) => api<Catalogue>('/public/services/measures', { signal, query: { area } }) });
