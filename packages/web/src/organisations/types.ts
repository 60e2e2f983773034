// Shapes of /api/units and /api/organisations (server: organisations.schema.ts).

export const ORGANISATION_KINDS = ['business', 'shop', 'hotel', 'farm', 'ngo', 'social_enterprise', 'public'] as const;
export const UNIT_KINDS = ['sector', 'unit', 'subunit'] as const;
export const UNIT_TYPES = ['kindergarten', 'school', 'nursing_home', 'home_care', 'office', 'culture', 'library', 'health', 'technical', 'other'] as const;

export interface Unit {
  id: string;
  key: string;
  parentId: string | null;
  kind: string;
  type: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  staff: number;
}

export interface UnitBody {
  key?: string;
  parentId: string | null;
  kind: string;
  type: string;
  name: string;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  staff?: number;
}

export interface Organisation {
  id: string;
  orgNumber: string;
  name: string;
  kind: string;
  industryCode: string | null;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  municipalityNumber: string | null;
  employees: number | null;
  website: string | null;
  parentOrgNumber: string | null;
  source: string;
  updatedAt: string;
}

export interface OrganisationBody {
  orgNumber: string;
  name: string;
  kind: string;
  industryCode?: string | null;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  municipalityNumber?: string | null;
  employees?: number | null;
  website?: string | null;
}

export interface BrregImportResult {
  kind: string;
  inFile: number;
  inMunicipality: number;
  created: number;
  updated: number;
  unchanged: number;
}
