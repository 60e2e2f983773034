import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Goal, Indicator, ProgramSummary, ProgramSummaryView, ProgramView, PublicGoal, ReportingOverview } from './types';

export const programKeys = {
  all: ['program'] as const,
  list: ['program', 'list'] as const,
  one: (id: string) => ['program', 'one', id] as const,
  publicList: ['program', 'public', 'list'] as const,
  publicOne: (id: string) => ['program', 'public', 'one', id] as const,
  publicGoal: (id: string, code: string) => ['program', 'public', 'goal', id, code] as const,
  reporting: ['program', 'reporting'] as const,
};

/** The municipality's programs (internal). */
export function usePrograms() {
  return useQuery({ queryKey: programKeys.list, queryFn: () => api<ProgramSummary[]>('/programs'), staleTime: 60_000 });
}

/** A program with every indicator assessed today (internal ones too). */
export function useProgram(id: string) {
  return useQuery({ queryKey: programKeys.one(id), queryFn: ({ signal }) => api<ProgramView>(`/programs/${encodeURIComponent(id)}`, { signal }), staleTime: 30_000 });
}

/** The programs anyone may see. */
export function usePublicPrograms() {
  return useQuery({ queryKey: programKeys.publicList, queryFn: () => api<ProgramSummary[]>('/public/programs'), staleTime: 60_000 });
}

/** A program's points with status and public indicators, compact (open data, no login). */
export function usePublicProgram(id: string | undefined) {
  return useQuery({ queryKey: programKeys.publicOne(id ?? ''), queryFn: ({ signal }) => api<ProgramSummaryView>(`/public/programs/${encodeURIComponent(id!)}`, { signal }), enabled: !!id, staleTime: 60_000 });
}

/** One point in full: text, indicators with values, sources and path, actions (open data, no login). */
export function usePublicGoal(id: string, code: string) {
  return useQuery({ queryKey: programKeys.publicGoal(id, code), queryFn: ({ signal }) => api<PublicGoal>(`/public/programs/${encodeURIComponent(id)}/goals/${encodeURIComponent(code.toUpperCase())}`, { signal }), staleTime: 60_000 });
}

/** What the signed-in user's units owe. */
export function useReporting() {
  return useQuery({ queryKey: programKeys.reporting, queryFn: () => api<ReportingOverview>('/reporting') });
}

/** Every goal of a program, in program order. */
export const goalsOf = (p: ProgramView): Goal[] => p.areas.flatMap((a) => a.goals);

/** A goal by its code (A1…), case-insensitive. */
export const findGoal = (p: ProgramView, code: string): Goal | undefined => goalsOf(p).find((g) => g.code.toLowerCase() === code.toLowerCase());

/** An indicator by id or key, with its goal (null for context indicators). */
export function findIndicator(p: ProgramView, idOrKey: string): { indicator: Indicator; goal: Goal | null } | undefined {
  for (const g of goalsOf(p)) {
    const indicator = g.indicators.find((i) => i.id === idOrKey || i.key === idOrKey);
    if (indicator) return { indicator, goal: g };
  }
  const indicator = p.contextIndicators.find((i) => i.id === idOrKey || i.key === idOrKey);
  return indicator ? { indicator, goal: null } : undefined;
}

/** The indicator that stands for a goal in overviews: the first with a measured history, else the first. */
export const keyIndicator = (g: Goal): Indicator | undefined => g.indicators.find((i) => i.values.length > 1) ?? g.indicators.find((i) => i.values.length > 0) ?? g.indicators[0];

/** Values of the indicator's own (primary) source, oldest first. */
export function primaryValues(i: Indicator) {
  const primary = i.sources.find((s) => s.primary)?.id;
  return i.values.filter((v) => !primary || v.sourceId === primary || !i.sources.some((s) => s.id === v.sourceId)).sort((a, b) => a.date.localeCompare(b.date));
}
