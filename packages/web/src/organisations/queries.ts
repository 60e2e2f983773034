import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Paged } from '../app/api';
import type { Organisation, Unit } from './types';

export const PAGE_SIZE = 25;

export const orgKeys = {
  all: ['organisations'] as const,
  list: (p: { q?: string; kind?: string; page?: number }) => ['organisations', 'list', p] as const,
  one: (id: string) => ['organisations', 'one', id] as const,
};
export const unitKeys = { all: ['units'] as const };

/** One page of the organisation register. */
export function useOrganisations(p: { q?: string; kind?: string; page?: number; limit?: number }, enabled = true) {
  const limit = p.limit ?? PAGE_SIZE;
  return useQuery({
    queryKey: orgKeys.list({ ...p }),
    queryFn: ({ signal }) => api<Paged<Organisation>>('/organisations', { query: { q: p.q, kind: p.kind, limit, offset: ((p.page ?? 1) - 1) * limit }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({ queryKey: orgKeys.one(id ?? ''), queryFn: () => api<Organisation>(`/organisations/${encodeURIComponent(id!)}`), enabled: !!id });
}

/** The municipality's units, flat (the tree is built from parentId). */
export function useUnits() {
  return useQuery({ queryKey: unitKeys.all, queryFn: () => api<Unit[]>('/units'), staleTime: 60_000 });
}
