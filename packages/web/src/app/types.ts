// Shapes of the platform answers the shell needs (GET /api/meta, /api/auth/session).

export interface Meta {
  municipality: { slug: string; name: string; number: string } | null;
  domains: { key: string; built: boolean }[];
  login: { password: boolean; oidc: { label: string } | null };
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: string;
  domains: string[];
  unitId: string | null;
  /** A unit manager's unit and every unit below it. */
  unitScope?: string[];
  organisationId: string | null;
}

export interface Session {
  authenticated: boolean;
  csrfToken: string | null;
  user: SessionUser | null;
}
