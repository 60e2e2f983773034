import { canEditDomain, type Actor } from '@omstilling/core';

// Who may do what in the footprint domain. Residents need no account: sharing and pledging are
// anonymous by design; only the district list is managed by staff.
export const footprintPolicy = {
  share: (_actor: Actor) => true,
  pledge: (_actor: Actor) => true,
  readTally: (_actor: Actor) => true,
  editDistricts: (actor: Actor) => actor.kind === 'system' || canEditDomain(actor, 'footprint'),
};
