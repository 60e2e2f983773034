import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Boundary, Call, Figures, ItemPage, MarketOptions, PlaceList, Scheme } from './types';

export const circKeys = {
  all: ['circular'] as const,
  places: (q: object) => ['circular', 'places', q] as const,
  items: () => ['circular', 'items'] as const,
};

export interface PlaceFilter {
  category: string;
  openNow: boolean;
  q: string;
}

export const usePlaces = (f: PlaceFilter) =>
  useQuery({ queryKey: circKeys.places(f), queryFn: ({ signal }) => api<PlaceList>('/public/circular/places', { signal, query: { category: f.category || null, openNow: f.openNow ? 'true' : null, q: f.q.trim() || null } }), placeholderData: keepPreviousData });
export const useSchemes = () => useQuery({ queryKey: ['circular', 'schemes'], queryFn: ({ signal }) => api<Scheme[]>('/public/circular/schemes', { signal }) });
export const useBoundary = () => useQuery({ queryKey: ['circular', 'boundary'], queryFn: ({ signal }) => api<Boundary>('/public/circular/boundary', { signal }), staleTime: Infinity });
export const useMarketOptions = () => useQuery({ queryKey: ['circular', 'options'], queryFn: ({ signal }) => api<MarketOptions>('/circular/options', { signal }), staleTime: 5 * 60_000 });
export const useItems = (state: string, page: number, size: number) =>
  useQuery({ queryKey: [...circKeys.items(), state, page], queryFn: ({ signal }) => api<ItemPage>('/circular/items', { signal, query: { state: state || null, limit: size, offset: (page - 1) * size } }), placeholderData: keepPreviousData });
export const useFigures = () => useQuery({ queryKey: ['circular', 'figures'], queryFn: ({ signal }) => api<Figures>('/circular/figures', { signal }) });
/** The circular support schemes, as grant rounds of the enterprise mechanism (signed in). */
export const useCircularCalls = () => useQuery({ queryKey: ['circular', 'calls'], queryFn: ({ signal }) => api<Call[]>('/enterprise/calls', { signal, query: { domain: 'circular' } }) });
