import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Application, Call, Decision, MapData, Options, Overview, Paged, PlotPage, RankingView } from './types';

export const PAGE_SIZE = 20;
export const landKeys = {
  all: ['land'] as const,
  options: () => ['land', 'options'] as const,
  overview: () => ['land', 'overview'] as const,
  plots: (p: object) => ['land', 'plots', p] as const,
  map: () => ['land', 'map'] as const,
  calls: (p: object) => ['land', 'calls', p] as const,
  call: (id: string) => ['land', 'call', id] as const,
  ranking: (id: string) => ['land', 'ranking', id] as const,
  applications: (p: object) => ['land', 'applications', p] as const,
  decisions: (p: object) => ['land', 'decisions', p] as const,
};

const offset = (page: number) => (page - 1) * PAGE_SIZE;
export const useOptions = () => useQuery({ queryKey: landKeys.options(), queryFn: ({ signal }) => api<Options>('/land/options', { signal }) });
export const useOverview = () => useQuery({ queryKey: landKeys.overview(), queryFn: ({ signal }) => api<Overview>('/land/overview', { signal }) });
export const usePlots = (p: { status?: string; page: number }) => useQuery({ queryKey: landKeys.plots(p), queryFn: ({ signal }) => api<PlotPage>('/land/plots', { query: { status: p.status || undefined, limit: PAGE_SIZE, offset: offset(p.page) }, signal }) });
export const useMap = () => useQuery({ queryKey: landKeys.map(), queryFn: ({ signal }) => api<MapData>('/land/map', { signal }) });
export const useCalls = (p: { page: number }) => useQuery({ queryKey: landKeys.calls(p), queryFn: ({ signal }) => api<Paged<Call>>('/land/land-calls', { query: { limit: PAGE_SIZE, offset: offset(p.page) }, signal }) });
export const useCall = (id: string) => useQuery({ queryKey: landKeys.call(id), queryFn: ({ signal }) => api<Call>(`/land/land-calls/${encodeURIComponent(id)}`, { signal }) });
export const useRanking = (id: string, enabled: boolean) => useQuery({ queryKey: landKeys.ranking(id), enabled, queryFn: ({ signal }) => api<RankingView>(`/land/land-calls/${encodeURIComponent(id)}/ranking`, { signal }) });
export const useOwnApplications = (callId: string, enabled: boolean) => useQuery({ queryKey: landKeys.applications({ callId }), enabled, queryFn: ({ signal }) => api<Paged<Application>>('/land/land-applications', { query: { callId, limit: 200 }, signal }) });
export const useDecisions = (p: { page: number }) => useQuery({ queryKey: landKeys.decisions(p), queryFn: ({ signal }) => api<Paged<Decision>>('/land/decisions', { query: { limit: PAGE_SIZE, offset: offset(p.page) }, signal }) });
