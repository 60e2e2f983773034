// Shapes of /api/users and /api/audit (server: users.routes.ts, audit.routes.ts).

export { ROLES } from '@omstilling/core/access/access';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  domains: string[];
  unitId: string | null;
  organisationId: string | null;
  active: boolean;
  hasPassword: boolean;
  sso: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserBody {
  email: string;
  name: string;
  role: string;
  domains?: string[];
  unitId?: string | null;
  organisationId?: string | null;
  password?: string | null;
  active?: boolean;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
}

/** Entity types and actions the server records today (audit filters offer these). */
export const AUDIT_ENTITY_TYPES = ['organisation', 'org_unit', 'user', 'file', 'program', 'indicator_value', 'action_log', 'demo'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'import', 'login', 'logout'] as const;
