import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Dashboard, Evaluation, LibraryCriterion, Tender, TenderSummary } from './types';

export const prKeys = {
  all: ['procurement'] as const,
  tenders: () => ['procurement', 'tenders'] as const,
  tender: (id: string) => ['procurement', 'tender', id] as const,
  evaluation: (id: string) => ['procurement', 'evaluation', id] as const,
  library: () => ['procurement', 'library'] as const,
  followUp: () => ['procurement', 'follow-up'] as const,
};

export const useTenders = () => useQuery({ queryKey: prKeys.tenders(), queryFn: ({ signal }) => api<TenderSummary[]>('/procurement/tenders', { signal }) });
export const useTender = (id: string) => useQuery({ queryKey: prKeys.tender(id), queryFn: ({ signal }) => api<Tender>(`/procurement/tenders/${encodeURIComponent(id)}`, { signal }) });
export const useEvaluation = (id: string) => useQuery({ queryKey: prKeys.evaluation(id), queryFn: ({ signal }) => api<Evaluation>(`/procurement/tenders/${encodeURIComponent(id)}/evaluation`, { signal }) });
export const useLibrary = () => useQuery({ queryKey: prKeys.library(), queryFn: ({ signal }) => api<LibraryCriterion[]>('/procurement/library', { signal }), staleTime: 60_000 });
export const useFollowUp = () => useQuery({ queryKey: prKeys.followUp(), queryFn: ({ signal }) => api<Dashboard>('/procurement/follow-up', { signal }) });
