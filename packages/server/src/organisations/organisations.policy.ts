import { canEditDomain, canReadInternal, isAdmin, type Actor } from '@omstilling/core';

// Who may do what with units and organisations, in one place.
export const organisationsPolicy = {
  /** Everyone signed in may see the unit tree; business users see it too (to name a unit they deliver to). */
  readUnits: (a: Actor) => a.kind !== 'anonymous',
  editUnits: (a: Actor) => isAdmin(a) || canEditDomain(a, 'organisations'),
  /** The register of external organisations is internal; a business user sees only their own. */
  readOrganisations: (a: Actor) => canReadInternal(a),
  readOrganisation: (a: Actor, organisationId: string) => canReadInternal(a) || (a.kind === 'user' && a.role === 'business' && a.organisationId === organisationId),
  editOrganisations: (a: Actor) => isAdmin(a) || canEditDomain(a, 'organisations'),
  /** A business user keeps their own organisation's contact data up to date. */
  editOrganisation: (a: Actor, organisationId: string) => isAdmin(a) || canEditDomain(a, 'organisations') || (a.kind === 'user' && a.role === 'business' && a.organisationId === organisationId),
};
