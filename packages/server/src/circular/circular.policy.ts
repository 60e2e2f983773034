import { canActForOrganisation, canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what in the circular domain, in one place.
export const circularPolicy = {
  /** Add directory entries and edit any of them: circular editors (and admins). */
  editDirectory: (a: Actor) => canEditDomain(a, 'circular'),
  /** Edit one entry: circular editors, and the business users of the organisation it is linked to. */
  editPlace: (a: Actor, organisationId: string | null) => canEditDomain(a, 'circular') || (organisationId !== null && canActForOrganisation(a, 'circular', organisationId)),
  /** The marketplace is internal: municipal staff (editors and unit managers). */
  readMarket: (a: Actor) => canReadInternal(a),
  /** Post, withdraw, reserve and collect for a unit: its manager, or a circular editor for every unit. */
  actForUnit: (a: Actor, unitId: string) => canActForUnit(a, 'circular', unitId),
  isEditor: (a: Actor) => canEditDomain(a, 'circular'),
};
