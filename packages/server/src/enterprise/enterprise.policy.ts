import { canActForOrganisation, canEditDomain, canReadInternal, type Actor, type Domain } from '@omstilling/core';

// Who may do what with grant rounds, in one place. Reviewers are the enterprise editors (and admins).
export const enterprisePolicy = {
  /**
   * Create calls, review, decide: editors of the call's domain. Grant rounds are shared: a call
   * with domain 'circular' (support for reuse and repair) is run by the circular editors.
   */
  manage: (a: Actor, domain: string = 'enterprise') => canEditDomain(a, domain as Domain),
  /** Every signed-in user sees the calls (business users apply to them). */
  signedIn: (a: Actor) => a.kind !== 'anonymous',
  /** All applications: municipal staff; a business user: their own. */
  readAll: (a: Actor) => canReadInternal(a),
  /** Apply, or report on a grant, for an organisation: its business users, or an editor on its behalf. */
  actFor: (a: Actor, organisationId: string) => canActForOrganisation(a, 'enterprise', organisationId),
  /** The register of social enterprises and green start-ups, youth companies and the cluster: enterprise editors (and admins) change them. */
  editRegister: (a: Actor) => canEditDomain(a, 'enterprise'),
  /** … and municipal staff read them; business users do not (the public sees the cluster directory only). */
  readRegister: (a: Actor) => canReadInternal(a),
};
