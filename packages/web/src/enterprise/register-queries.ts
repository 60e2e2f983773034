import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { ClusterAdmin, Figures, Paged, PublicCluster, RegisterOptions, Venture, VentureDetail, YouthPage } from './register-types';

export const regKeys = {
  all: ['enterprise', 'register'] as const,
  options: () => ['enterprise', 'register', 'options'] as const,
  figures: () => ['enterprise', 'register', 'figures'] as const,
  ventures: (q: object) => ['enterprise', 'register', 'ventures', q] as const,
  venture: (id: string) => ['enterprise', 'register', 'venture', id] as const,
  youth: (q: object) => ['enterprise', 'register', 'youth', q] as const,
  cluster: () => ['enterprise', 'register', 'cluster'] as const,
};

export const useRegisterOptions = () => useQuery({ queryKey: regKeys.options(), queryFn: ({ signal }) => api<RegisterOptions>('/enterprise/options', { signal }), staleTime: 60_000 });
export const useFigures = () => useQuery({ queryKey: regKeys.figures(), queryFn: ({ signal }) => api<Figures>('/enterprise/figures', { signal }) });
export const useVentures = (q: { kind?: string; q?: string; limit: number; offset: number }) => useQuery({ queryKey: regKeys.ventures(q), queryFn: ({ signal }) => api<Paged<Venture>>('/enterprise/ventures', { signal, query: q }), placeholderData: (prev) => prev });
export const useVenture = (id: string) => useQuery({ queryKey: regKeys.venture(id), queryFn: ({ signal }) => api<VentureDetail>(`/enterprise/ventures/${encodeURIComponent(id)}`, { signal }) });
export const useYouth = (q: { year?: number; limit: number; offset: number }) => useQuery({ queryKey: regKeys.youth(q), queryFn: ({ signal }) => api<YouthPage>('/enterprise/youth-companies', { signal, query: q }), placeholderData: (prev) => prev });
export const useCluster = () => useQuery({ queryKey: regKeys.cluster(), queryFn: ({ signal }) => api<ClusterAdmin>('/enterprise/cluster', { signal }) });
export const usePublicCluster = () => useQuery({ queryKey: ['public', 'cluster'], queryFn: ({ signal }) => api<PublicCluster>('/public/enterprise/cluster', { signal }) });
