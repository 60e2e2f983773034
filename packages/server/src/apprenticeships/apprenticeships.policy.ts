import { canActForOrganisation, canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

/** A place as the policy sees it: whose it is. */
export interface PlaceOwner {
  unit_id: string | null;
  organisation_id: string | null;
}

// Who may do what with apprenticeship places, in one place.
export const apprenticeshipsPolicy = {
  /** HR (apprenticeship editors) see every place and the overview; so do other municipal staff. */
  readAll: (a: Actor) => canReadInternal(a),
  /** Register or change a place: apprenticeship editors; a unit's manager for their units; a business user for their business. */
  actFor: (a: Actor, p: PlaceOwner) => canEditDomain(a, 'apprenticeships') || (p.unit_id !== null && canActForUnit(a, 'apprenticeships', p.unit_id)) || (p.organisation_id !== null && canActForOrganisation(a, 'apprenticeships', p.organisation_id)),
  isEditor: (a: Actor) => canEditDomain(a, 'apprenticeships'),
  signedIn: (a: Actor) => a.kind !== 'anonymous',
};
