import { canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with the industry structure, in one place.
export const economyPolicy = {
  /** Municipal staff read the figures, the map and the rules (the register data is internal working material). */
  read: (a: Actor) => canReadInternal(a),
  /** Economy editors (business development) import snapshots and change the rules; so does an admin. */
  edit: (a: Actor) => canEditDomain(a, 'economy'),
};
