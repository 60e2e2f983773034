import { canActForOrganisation, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with farms, in one place.
export const agriculturePolicy = {
  /** The agriculture office (editors) and other municipal staff see every farm and the results. */
  readAll: (a: Actor) => canReadInternal(a),
  /** A farm's own records: staff, and the farm's business users. */
  readFarm: (a: Actor, organisationId: string) => canReadInternal(a) || canActForOrganisation(a, 'agriculture', organisationId),
  /** Report areas, deliveries and plans for a farm: agriculture editors, and the farm's business users for their own farm. */
  actFor: (a: Actor, organisationId: string) => canActForOrganisation(a, 'agriculture', organisationId),
  /** Register farms and record support granted: the agriculture office. */
  isEditor: (a: Actor) => canEditDomain(a, 'agriculture'),
  signedIn: (a: Actor) => a.kind !== 'anonymous',
};
