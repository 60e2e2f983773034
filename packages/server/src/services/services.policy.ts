import { canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with the services catalogue, adoptions and reports, in one place.
export const servicesPolicy = {
  /** The catalogue, unit pages and coverage: all municipal staff. Residents read the public catalogue. */
  readInternal: (a: Actor) => canReadInternal(a),
  /** Add, edit or retire measures; set a unit's service area; act for any unit: services editors (and admins). */
  isEditor: (a: Actor) => canEditDomain(a, 'services'),
  /** Adopt a measure, change its status, report on it: services editors, and a unit's manager for their own units. */
  actForUnit: (a: Actor, unitId: string) => canActForUnit(a, 'services', unitId),
};
