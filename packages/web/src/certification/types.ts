// Shapes of the certification API (packages/server/src/certification).
import type { CertStatus, Coverage, GhgAccount, OwnIndicator, Scheme, TrainingShare } from '@omstilling/core/certification/index';

export type { CertStatus, Coverage, GhgAccount, OwnIndicator, Scheme, TrainingShare };

export interface RegisterRow {
  unitId: string;
  key: string;
  name: string;
  kind: string;
  type: string;
  parentId: string | null;
  sectorId: string;
  sectorName: string;
  place: string | null;
  staff: number;
  status: CertStatus;
  schemeKey: string | null;
  schemeName: string | null;
  certificateId: string | null;
  validUntil: string | null;
  viaScope: boolean;
  holderName: string | null;
}

export interface RegisterPage {
  items: RegisterRow[];
  total: number;
  limit: number;
  offset: number;
  date: string;
  coverage: Coverage;
}

export interface BusinessCoverage {
  date: string;
  businesses: number;
  certified: number;
  share: number | null;
  employees: number;
  employeesCovered: number;
  employeeShare: number | null;
  pending: number;
}

export interface Overview {
  date: string;
  coverage: Coverage;
  byScheme: { schemeKey: string; name: string; units: number }[];
  history: Coverage[];
  training: TrainingShare;
  businesses: BusinessCoverage;
  reports: { year: number; owed: number; onTime: number; delivered: number; share: number | null };
  reminders: Partial<Record<ReminderKind, number>>;
}

export interface MapView {
  date: string;
  boundary: number[][][][] | null;
  attribution: string | null;
  points: { unitId: string; name: string; status: CertStatus; lat: number; lon: number; place: string | null }[];
  unplaced: { unitId: string; name: string; status: CertStatus; place: string | null }[];
}

export interface Certificate {
  id: string;
  schemeKey: string;
  schemeName: { nb: string; en: string };
  holder: { kind: 'unit' | 'organisation'; id: string; name: string; orgNumber: string | null };
  scope: { id: string; name: string }[];
  includeSubunits: boolean;
  certificateNumber: string | null;
  issuer: string | null;
  startedOn: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  withdrawnOn: string | null;
  supersedesId: string | null;
  verification: 'verified' | 'pending' | 'rejected';
  rejectionReason: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  note: string | null;
  registeredBy: string;
  createdAt: string;
  updatedAt: string;
  status: CertStatus;
  graceEnd: string | null;
  evidence: { fileId: string; filename: string; contentType: string; size: number; createdAt: string }[];
}

export interface CertificateBody {
  schemeKey: string;
  holderUnitId?: string | null;
  organisationId?: string | null;
  scopeUnitIds?: string[];
  includeSubunits?: boolean;
  certificateNumber?: string | null;
  issuer?: string | null;
  startedOn?: string | null;
  issuedOn?: string | null;
  validUntil?: string | null;
  withdrawnOn?: string | null;
  supersedesId?: string | null;
  note?: string | null;
}

export interface Report {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  values: Record<string, number | null>;
  own: OwnIndicator[];
  derived: { kwhPerM2: number | null; wasteTotalKg: number | null; sortingRatePct: number | null; sortingRateComputedPct: number | null };
  ghg: GhgAccount;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  importFile: string | null;
  importLine: number | null;
  updatedBy: string;
  updatedAt: string;
}

export type ReminderKind = 'expires_30' | 'expires_90' | 'in_grace' | 'lapsed' | 'report_missing';

export interface Reminder {
  kind: ReminderKind;
  unitId: string;
  unitName: string;
  certificateId: string | null;
  certificateNumber: string | null;
  schemeKey: string | null;
  schemeName: string | null;
  date: string;
  year: number | null;
  daysLeft: number;
  recipients: { name: string; email: string; via: 'unit_manager' | 'fallback' }[];
}

export interface UnitPage {
  date: string;
  unit: RegisterRow & { address: string | null; postalCode: string | null; parentName: string | null };
  certificates: Certificate[];
  reports: Report[];
  training: TrainingShare;
  reminders: Reminder[];
  canWriteReport: boolean;
  canEdit: boolean;
  subunits: { unitId: string; name: string; status: CertStatus }[];
}

export interface TrainingOverview {
  date: string;
  total: TrainingShare;
  units: ({ unitId: string; name: string; kind: string; sectorName: string } & TrainingShare)[];
  courses: { id: string; title: string; theme: string; hours: number; description: string; sessions: { id: string; date: string; format: string; place: string | null; units: number; participants: number; completed: number }[] }[];
}

export interface OutreachRow {
  organisationId: string;
  orgNumber: string;
  name: string;
  kind: string;
  industryCode: string | null;
  industryName: string | null;
  employees: number | null;
  place: string | null;
  status: CertStatus;
  contacts: number;
  lastContact: { date: string; channel: string; outcome: string; note: string | null; by: string } | null;
}

export const STATUSES: readonly CertStatus[] = ['certified', 'expiring', 'in_grace', 'in_progress', 'lapsed', 'none'];
export const CONTACT_CHANNELS = ['phone', 'email', 'meeting', 'letter', 'event'] as const;
export const CONTACT_OUTCOMES = ['interested', 'not_interested', 'follow_up', 'started'] as const;
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export const SESSION_FORMATS = ['e_learning', 'classroom', 'digital'] as const;
export const REGISTER_SORTS = ['name', 'status', 'validUntil', 'staff', 'sector', 'place', 'scheme'] as const;
