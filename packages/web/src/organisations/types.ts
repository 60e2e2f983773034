// Shapes of /api/units and /api/organisations (server: organisations.schema.ts).

export { ORGANISATION_KINDS, UNIT_KINDS, UNIT_TYPES } from '@omstilling/core/organisations/kinds';

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
