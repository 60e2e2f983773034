import { canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what in the program, in one place.
export const programPolicy = {
  /** Internal view (all indicators, internal notes): municipal staff. */
  readInternal: (a: Actor) => canReadInternal(a),
  /** Define programs, goals, indicators, actions: program editors and admins. */
  edit: (a: Actor) => canEditDomain(a, 'program'),
  /** Record a value: program editors, or the manager of the indicator's responsible unit. */
  recordValue: (a: Actor, responsibleUnitId: string | null) => canActForUnit(a, 'program', responsibleUnitId),
  /** Log progress on an action: program editors, or the manager of the action's responsible unit. */
  logAction: (a: Actor, responsibleUnitId: string | null) => canActForUnit(a, 'program', responsibleUnitId),
};
