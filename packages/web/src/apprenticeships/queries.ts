import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Options, Overview, PlacePage } from './types';

export const PLACES_PAGE_SIZE = 25;

export const apprKeys = {
  all: ['apprenticeships'] as const,
  options: () => ['apprenticeships', 'options'] as const,
  overview: () => ['apprenticeships', 'overview'] as const,
  places: (p: object) => ['apprenticeships', 'places', p] as const,
};

export interface PlaceParams {
  status?: string;
  tradeKey?: string;
  holder?: 'unit' | 'organisation';
  page: number;
}

export const useOptions = () => useQuery({ queryKey: apprKeys.options(), queryFn: ({ signal }) => api<Options>('/apprenticeships/options', { signal }), staleTime: 5 * 60_000 });
export const useOverview = (enabled: boolean) => useQuery({ queryKey: apprKeys.overview(), queryFn: ({ signal }) => api<Overview>('/apprenticeships/overview', { signal }), enabled });
export const usePlaces = (p: PlaceParams) =>
  useQuery({
    queryKey: apprKeys.places(p),
    queryFn: ({ signal }) => api<PlacePage>('/apprenticeships/places', { signal, query: { status: p.status, tradeKey: p.tradeKey, holder: p.holder, limit: PLACES_PAGE_SIZE, offset: (p.page - 1) * PLACES_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
