/** Kinds of external organisation the platform knows. */
export const ORGANISATION_KINDS = ['business', 'shop', 'hotel', 'farm', 'ngo', 'social_enterprise', 'public'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Levels of the municipality's own unit tree. */
export const UNIT_KINDS = ['sector', 'unit', 'subunit'] as const;

/** What a municipal unit is, for grouping and maps. */
export const UNIT_TYPES = ['kindergarten', 'school', 'nursing_home', 'home_care', 'office', 'culture', 'library', 'health', 'technical', 'other'] as const;
