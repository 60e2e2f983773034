import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Dashboard, Kitchen, OfferList, Options, Overview } from './types';

export const fwKeys = {
  all: ['foodwaste'] as const,
  options: () => ['foodwaste', 'options'] as const,
  kitchens: () => ['foodwaste', 'kitchens'] as const,
  kitchen: (id: string) => ['foodwaste', 'kitchen', id] as const,
  overview: () => ['foodwaste', 'overview'] as const,
  offers: () => ['foodwaste', 'offers'] as const,
};

export const useOptions = () => useQuery({ queryKey: fwKeys.options(), queryFn: ({ signal }) => api<Options>('/foodwaste/options', { signal }), staleTime: 5 * 60_000 });
export const useKitchens = () => useQuery({ queryKey: fwKeys.kitchens(), queryFn: ({ signal }) => api<Kitchen[]>('/foodwaste/kitchens', { signal }) });
export const useKitchen = (id: string) => useQuery({ queryKey: fwKeys.kitchen(id), queryFn: ({ signal }) => api<Dashboard>(`/foodwaste/kitchens/${encodeURIComponent(id)}`, { signal }) });
export const useOverview = (enabled: boolean) => useQuery({ queryKey: fwKeys.overview(), queryFn: ({ signal }) => api<Overview>('/foodwaste/overview', { signal }), enabled });
export const useOffers = () => useQuery({ queryKey: fwKeys.offers(), queryFn: ({ signal }) => api<OfferList>('/foodwaste/offers', { signal }) });
