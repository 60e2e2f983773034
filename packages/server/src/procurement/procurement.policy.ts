import { canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with the criteria library, tenders, bids, contracts and follow-up, in one place.
export const procurementPolicy = {
  /** Municipal staff read the library, tenders, evaluations and the follow-up dashboard. */
  read: (a: Actor) => canReadInternal(a),
  /** Procurement editors keep the library, build tenders, enter bids, publish, award and export. */
  edit: (a: Actor) => canEditDomain(a, 'procurement'),
  /** A follow-up outcome: procurement editors, or the manager of the unit responsible for the contract. */
  recordOutcome: (a: Actor, unitId: string | null) => canEditDomain(a, 'procurement') || (unitId !== null && canActForUnit(a, 'procurement', unitId)),
};
