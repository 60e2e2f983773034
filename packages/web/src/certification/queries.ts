import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Paged } from '../app/api';
import type { Certificate, MapView, Overview, OutreachRow, RegisterPage, Reminder, Report, Scheme, TrainingOverview, UnitPage } from './types';

export const REGISTER_PAGE_SIZE = 25;

export const certKeys = {
  all: ['certification'] as const,
  overview: () => ['certification', 'overview'] as const,
  register: (p: object) => ['certification', 'register', p] as const,
  map: () => ['certification', 'map'] as const,
  unit: (id: string) => ['certification', 'unit', id] as const,
  schemes: () => ['certification', 'schemes'] as const,
  certificates: (p: object) => ['certification', 'certificates', p] as const,
  queue: () => ['certification', 'queue'] as const,
  reports: (p: object) => ['certification', 'reports', p] as const,
  training: () => ['certification', 'training'] as const,
  outreach: (p: object) => ['certification', 'outreach', p] as const,
  reminders: () => ['certification', 'reminders'] as const,
};

export const useOverview = () => useQuery({ queryKey: certKeys.overview(), queryFn: ({ signal }) => api<Overview>('/certification/overview', { signal }) });

export interface RegisterParams {
  q?: string;
  status?: string;
  scheme?: string;
  sector?: string;
  sort?: string;
  dir?: 'asc' | 'desc';
  page?: number;
}

/** The query string of the register (also used for its export links). */
export const registerQuery = (p: RegisterParams) => ({ q: p.q, status: p.status, scheme: p.scheme, sector: p.sector, sort: p.sort, dir: p.dir });

export function useRegister(p: RegisterParams) {
  return useQuery({
    queryKey: certKeys.register(p),
    queryFn: ({ signal }) => api<RegisterPage>('/certification/register', { query: { ...registerQuery(p), limit: REGISTER_PAGE_SIZE, offset: ((p.page ?? 1) - 1) * REGISTER_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every unit of the register (for filters and pickers): one page of 200. */
export const useAllUnits = () => useQuery({ queryKey: certKeys.register({ all: true }), queryFn: ({ signal }) => api<RegisterPage>('/certification/register', { query: { kind: 'all', limit: 200 }, signal }), staleTime: 60_000 });

export const useMapView = () => useQuery({ queryKey: certKeys.map(), queryFn: ({ signal }) => api<MapView>('/certification/map', { signal }) });
export const useUnitPage = (id: string) => useQuery({ queryKey: certKeys.unit(id), queryFn: ({ signal }) => api<UnitPage>(`/certification/units/${encodeURIComponent(id)}`, { signal }) });
export const useCertificate = (id: string) => useQuery({ queryKey: [...certKeys.all, 'certificate', id], queryFn: ({ signal }) => api<Certificate>(`/certification/certificates/${encodeURIComponent(id)}`, { signal }) });
export const useSchemes = () => useQuery({ queryKey: certKeys.schemes(), queryFn: ({ signal }) => api<Scheme[]>('/certification/schemes', { signal }), staleTime: 5 * 60_000 });
export const useCertificates = (p: { holder?: 'unit' | 'organisation'; organisationId?: string } = {}) =>
  useQuery({ queryKey: certKeys.certificates(p), queryFn: ({ signal }) => api<Certificate[]>('/certification/certificates', { query: p, signal }) });
export const useQueue = () => useQuery({ queryKey: certKeys.queue(), queryFn: ({ signal }) => api<Certificate[]>('/certification/verification-queue', { signal }) });
export const useReports = (p: { year?: number; unitId?: string }) => useQuery({ queryKey: certKeys.reports(p), queryFn: ({ signal }) => api<Report[]>('/certification/reports', { query: p, signal }) });
export const useTraining = () => useQuery({ queryKey: certKeys.training(), queryFn: ({ signal }) => api<TrainingOverview>('/certification/training', { signal }) });
export const useReminders = () => useQuery({ queryKey: certKeys.reminders(), queryFn: ({ signal }) => api<{ date: string; items: Reminder[] }>('/certification/reminders', { signal }) });

export interface OutreachParams {
  industry?: string;
  size?: string;
  q?: string;
  contacted?: string;
  page?: number;
}
export function useOutreach(p: OutreachParams) {
  return useQuery({
    queryKey: certKeys.outreach(p),
    queryFn: ({ signal }) => api<Paged<OutreachRow> & { date: string }>('/certification/outreach', { query: { industry: p.industry, size: p.size, q: p.q, contacted: p.contacted, limit: REGISTER_PAGE_SIZE, offset: ((p.page ?? 1) - 1) * REGISTER_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}
