import { canActForOrganisation, canActForUnit, canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

/** A kitchen as the policy sees it: whose it is. */
export interface KitchenOwner {
  unit_id: string | null;
  organisation_id: string | null;
}

/** Organisation kinds that may receive surplus food (charities, food banks, NGOs, social enterprises). */
export const RECEIVER_KINDS: readonly string[] = ['ngo', 'social_enterprise'];

// Who may do what with kitchens, registrations, activity and surplus offers, in one place.
export const foodwastePolicy = {
  /** Kitchens, baselines and targets are set up by food-waste editors. */
  editKitchens: (a: Actor) => canEditDomain(a, 'foodwaste'),
  /** A kitchen's figures and registrations: editors, its unit's manager, its organisation's business users. */
  actForKitchen: (a: Actor, k: KitchenOwner) => canEditDomain(a, 'foodwaste') || (k.unit_id !== null && canActForUnit(a, 'foodwaste', k.unit_id)) || (k.organisation_id !== null && canActForOrganisation(a, 'foodwaste', k.organisation_id)),
  /** The municipality-wide overview (all kitchens, worst and most improved): municipal staff. */
  readOverview: (a: Actor) => canReadInternal(a),
  /** Imports of registrations from a scale's export: editors. */
  importRegistrations: (a: Actor) => canEditDomain(a, 'foodwaste'),
  /** Claim an offer for a receiver organisation: its business users, or an editor on its behalf. */
  claimFor: (a: Actor, receiverOrganisationId: string) => canActForOrganisation(a, 'foodwaste', receiverOrganisationId),
  /** Every signed-in user sees the lists; business users and staff see the open offers. */
  signedIn: (a: Actor) => a.kind !== 'anonymous',
  isEditor: (a: Actor) => canEditDomain(a, 'foodwaste'),
};
