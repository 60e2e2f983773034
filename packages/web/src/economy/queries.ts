import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { EstablishmentPage, MapView, Overview, RulesView } from './types';

export const ESTABLISHMENTS_PAGE_SIZE = 25;

export const econKeys = {
  all: ['economy'] as const,
  overview: (snapshotId: string | undefined) => ['economy', 'overview', snapshotId ?? 'latest'] as const,
  establishments: (p: object) => ['economy', 'establishments', p] as const,
  map: (snapshotId: string | undefined) => ['economy', 'map', snapshotId ?? 'latest'] as const,
  rules: () => ['economy', 'rules'] as const,
};

export const useOverview = (snapshotId: string | undefined) => useQuery({ queryKey: econKeys.overview(snapshotId), queryFn: ({ signal }) => api<Overview>('/economy/overview', { signal, query: { snapshotId } }), placeholderData: keepPreviousData });
export const useMap = (snapshotId: string | undefined) => useQuery({ queryKey: econKeys.map(snapshotId), queryFn: ({ signal }) => api<MapView>('/economy/map', { signal, query: { snapshotId } }) });
export const useRules = () => useQuery({ queryKey: econKeys.rules(), queryFn: ({ signal }) => api<RulesView>('/economy/rules', { signal }) });
export const useEstablishments = (p: { snapshotId?: string; class?: string; q?: string; page: number }) =>
  useQuery({
    queryKey: econKeys.establishments(p),
    queryFn: ({ signal }) => api<EstablishmentPage>('/economy/establishments', { signal, query: { snapshotId: p.snapshotId, class: p.class, q: p.q, limit: ESTABLISHMENTS_PAGE_SIZE, offset: (p.page - 1) * ESTABLISHMENTS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
