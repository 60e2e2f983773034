import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api';
import type { Meta, Session, SessionUser } from './types';

export const SESSION_KEY = ['session'] as const;
export const META_KEY = ['meta'] as const;

/** The municipality, the domains and the login options of this host. */
export function useMeta() {
  return useQuery({ queryKey: META_KEY, queryFn: () => api<Meta>('/meta'), staleTime: 5 * 60_000 });
}

async function fetchSession(): Promise<Session> {
  const s = await api<Session>('/auth/session');
  setCsrfToken(s.csrfToken);
  return s;
}

/** The session query, shared by the hook below and the router's guards. */
export const sessionQuery = { queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 };

/** Who is signed in (null while unknown or signed out). */
export function useSession() {
  const q = useQuery(sessionQuery);
  const user: SessionUser | null = q.data?.authenticated ? q.data.user : null;
  return { ...q, user };
}

/** Signs in with e-mail and password; the session query is updated on success. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Session>('/auth/login', { method: 'POST', body }),
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      // Everything cached belonged to the anonymous visitor; start afresh.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && q.queryKey[0] !== META_KEY[0] });
      qc.setQueryData(SESSION_KEY, s);
    },
  });
}

/** Signs out and forgets everything cached for the user. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      // The service worker's copies of API answers belong to the user who signed out.
      if ('caches' in window) void caches.delete('omstilling-api-v1');
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== META_KEY[0] });
      qc.setQueryData<Session>(SESSION_KEY, { authenticated: false, csrfToken: null, user: null });
    },
  });
}

/** Role checks mirroring the server's policies (the server decides; this only hides what would fail). */
export const can = {
  admin: (u: SessionUser | null) => u?.role === 'admin',
  readInternal: (u: SessionUser | null) => u?.role === 'admin' || u?.role === 'editor' || u?.role === 'unit_manager',
  editDomain: (u: SessionUser | null, domain: string) => u?.role === 'admin' || (u?.role === 'editor' && u.domains.includes(domain)),
};
