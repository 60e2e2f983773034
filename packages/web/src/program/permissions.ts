import { can } from '../app/auth';
import type { SessionUser } from '../app/types';

/**
 * Mirrors the server's program policy so that forms show only to those who may use them:
 * program editors and admins, or the manager of the responsible unit (the server decides,
 * including for managers of a parent unit, which this cannot see).
 */
export const mayActForUnit = (user: SessionUser | null, unitId: string | null | undefined): boolean =>
  can.editDomain(user, 'program') || (user?.role === 'unit_manager' && !!unitId && (user.unitScope ?? [user.unitId]).includes(unitId));
