import { canActForOrganisation, canActForUnit, canEditDomain, canReadInternal, isAdmin, type Actor } from '@omstilling/core';

// Who may do what with certificates, reports, training and outreach, in one place.
export const certificationPolicy = {
  /** The register, map, unit pages, reports, training figures and reminders: municipal staff. */
  readInternal: (a: Actor) => canReadInternal(a),
  /** Schemes are public facts; everyone signed in (business users pick one when registering). */
  readSchemes: (a: Actor) => a.kind !== 'anonymous',
  /** Admins add schemes (rules are data). */
  editSchemes: (a: Actor) => isAdmin(a),
  /** Certification editors register and change any certificate and verify the pending ones. */
  edit: (a: Actor) => canEditDomain(a, 'certification'),
  verify: (a: Actor) => canEditDomain(a, 'certification'),
  /** A unit manager registers their own unit's certificates, a business user their own organisation's (both pending until verified). */
  register: (a: Actor, unitId: string | null, organisationId: string | null) => (unitId !== null && canActForUnit(a, 'certification', unitId)) || (organisationId !== null && canActForOrganisation(a, 'certification', organisationId)),
  /** Read one certificate: staff, or the business user of its organisation. */
  readCertificate: (a: Actor, organisationId: string | null) => canReadInternal(a) || (organisationId !== null && canActForOrganisation(a, 'certification', organisationId)),
  /** The annual report of a unit: certification editors and that unit's manager. */
  writeReport: (a: Actor, unitId: string) => canActForUnit(a, 'certification', unitId),
  importReports: (a: Actor) => canEditDomain(a, 'certification'),
  /** Courses and sessions: certification editors (HR works as a certification editor). */
  editTraining: (a: Actor) => canEditDomain(a, 'certification'),
  /** Participants of a unit: editors and that unit's manager. */
  recordParticipation: (a: Actor, unitId: string) => canActForUnit(a, 'certification', unitId),
  /** The outreach list of uncertified businesses and its contact log: certification editors. */
  outreach: (a: Actor) => canEditDomain(a, 'certification'),
};
