// What the services API answers (packages/server/src/services).

export type AdoptionStatus = 'planned' | 'active' | 'paused' | 'ended';

export interface ServiceArea {
  key: string;
  nb: string;
  en: string;
  unitTypes: string[];
  group: string;
}

export interface Options {
  areas: ServiceArea[];
  groups: { key: string; nb: string; en: string; metric: string }[];
  statuses: AdoptionStatus[];
  planRule: { nb: string; en: string };
  today: string;
  isEditor: boolean;
}

export interface Measure {
  id: string;
  key: string;
  titleNb: string;
  titleEn: string;
  descriptionNb: string;
  descriptionEn: string | null;
  areas: string[];
  programPoints: string[];
  sourceTitle: string | null;
  sourceUrl: string | null;
  retiredOn: string | null;
  activeUnits?: number;
}

export interface Catalogue {
  areas: ServiceArea[];
  items: (Measure & { activeUnits: number })[];
}

export interface UnitListItem {
  id: string;
  name: string;
  area: string;
  activeMeasures: number;
  hasPlan: boolean;
  own: boolean;
  canAct: boolean;
}

export interface Report {
  id: string;
  adoptionId: string;
  date: string;
  text: string;
  participants: number | null;
  meals: number | null;
  fileId: string | null;
  by: string;
}

export interface Adoption {
  id: string;
  unitId: string;
  unitName: string;
  measureId: string;
  measure: { titleNb: string; titleEn: string; retiredOn: string | null } | null;
  adoptedOn: string;
  status: AdoptionStatus;
  note: string | null;
  history: { date: string; status: AdoptionStatus; note: string | null; by: string }[];
  reports: Report[];
}

export interface UnitPageData {
  unit: { id: string; name: string; kind: string; type: string; area: string | null; counted: boolean };
  today: string;
  canAct: boolean;
  hasPlan: boolean;
  hasActive: boolean;
  lastReport: string | null;
  reportDueBy: string | null;
  adoptions: Adoption[];
  available: Measure[];
}

export interface AreaCoverage {
  key: string;
  units: number;
  withActive: number;
  withPlan: number;
  activeShare: number | null;
  planShare: number | null;
}

export interface Coverage {
  asOf: string;
  planRule: { nb: string; en: string };
  areas: AreaCoverage[];
  groups: AreaCoverage[];
  series: { year: number; date: string; partial: boolean; areas: AreaCoverage[]; groups: AreaCoverage[] }[];
  matrix: { measures: { id: string; titleNb: string; titleEn: string; areas: string[] }[]; units: { id: string; name: string; area: string; hasPlan: boolean; cells: Record<string, AdoptionStatus> }[] };
  without: { id: string; name: string; area: string; hasAny: boolean }[];
}
