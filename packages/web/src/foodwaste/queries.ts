import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { api } from '../app/api';
import { LANGUAGES } from '../app/i18n';
import type { Position } from './position';
import type { Dashboard, Kitchen, ListItem, OfferList, Options, Overview } from './types';

export const fwKeys = {
  all: ['foodwaste'] as const,
  options: () => ['foodwaste', 'options'] as const,
  kitchens: () => ['foodwaste', 'kitchens'] as const,
  kitchen: (id: string) => ['foodwaste', 'kitchen', id] as const,
  overview: () => ['foodwaste', 'overview'] as const,
  offers: () => ['foodwaste', 'offers'] as const,
  listItems: () => ['foodwaste', 'list-items'] as const,
};

/** The options, with the municipality's own list entries' names added to the translations (foodwaste.<list>.<key>). */
async function fetchOptions(signal: AbortSignal): Promise<Options> {
  const o = await api<Options>('/foodwaste/options', { signal });
  for (const l of o.labels) for (const lng of LANGUAGES) i18next.addResource(lng, 'translation', `foodwaste.${l.list}.${l.key}`, l[lng]);
  return o;
}
export const useOptions = () => useQuery({ queryKey: fwKeys.options(), queryFn: ({ signal }) => fetchOptions(signal), staleTime: 5 * 60_000 });
export const useListItems = () => useQuery({ queryKey: fwKeys.listItems(), queryFn: ({ signal }) => api<ListItem[]>('/foodwaste/list-items', { signal }) });
export const useKitchens = () => useQuery({ queryKey: fwKeys.kitchens(), queryFn: ({ signal }) => api<Kitchen[]>('/foodwaste/kitchens', { signal }) });
export const useKitchen = (id: string) => useQuery({ queryKey: fwKeys.kitchen(id), queryFn: ({ signal }) => api<Dashboard>(`/foodwaste/kitchens/${encodeURIComponent(id)}`, { signal }) });
export const useOverview = (enabled: boolean) => useQuery({ queryKey: fwKeys.overview(), queryFn: ({ signal }) => api<Overview>('/foodwaste/overview', { signal }), enabled });
/** Offers; with a position, the nearest first (and only those within `withinKm` when given). */
export const useOffers = (near: Position | null = null, withinKm: number | null = null) => {
  const query = { near: near ? `${near.lat},${near.lon}` : null, withinKm: near ? withinKm : null };
  return useQuery({ queryKey: [...fwKeys.offers(), query], queryFn: ({ signal }) => api<OfferList>('/foodwaste/offers', { signal, query }) });
};
