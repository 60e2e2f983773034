import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Application, Call, CallView } from './types';

export const entKeys = {
  all: ['enterprise'] as const,
  calls: () => ['enterprise', 'calls'] as const,
  call: (id: string) => ['enterprise', 'call', id] as const,
  applications: () => ['enterprise', 'applications'] as const,
};

export const useCalls = () => useQuery({ queryKey: entKeys.calls(), queryFn: ({ signal }) => api<Call[]>('/enterprise/calls', { signal }) });
export const useCall = (id: string) => useQuery({ queryKey: entKeys.call(id), queryFn: ({ signal }) => api<CallView>(`/enterprise/calls/${encodeURIComponent(id)}`, { signal }) });
export const useApplications = () => useQuery({ queryKey: entKeys.applications(), queryFn: ({ signal }) => api<Application[]>('/enterprise/applications', { signal }) });
