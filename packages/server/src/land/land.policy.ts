import { canActForOrganisation, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with business land, in one place.
export const landPolicy = {
  /** Plots, calls and the decision log: everyone signed in (business users need them to apply). */
  read: (a: Actor) => a.kind !== 'anonymous',
  /** The ranking of a call and every application: municipal staff. */
  readAll: (a: Actor) => canReadInternal(a) || canEditDomain(a, 'land'),
  /** Plots, calls, applications entered on a business's behalf, and decisions: land editors. */
  edit: (a: Actor) => canEditDomain(a, 'land'),
  /** Apply for a plot: land editors, or a business user for their own business. */
  applyFor: (a: Actor, organisationId: string) => canActForOrganisation(a, 'land', organisationId),
};
