/** Text in Norwegian bokmål and English. */
export interface Text {
  nb: string;
  en: string;
}

/** Who may hold a certificate of a scheme. */
export type HolderKind = 'unit' | 'organisation';

/** When an annual report is due: a calendar day of the year after the year it covers. */
export interface ReportDue {
  month: number;
  day: number;
}

/** The rules of a certification scheme; data, never hard-coded per scheme. */
export interface SchemeRules {
  /** How long a certificate is valid from its issue date, in months (Miljøfyrtårn: 36). */
  validityMonths: number;
  /** Months after valid-until during which the holder keeps the certificate while recertification is late (Miljøfyrtårn: 4). */
  graceMonths: number;
  /** The annual climate and environment report, due on this day of the following year; null: the scheme has none. */
  annualReport: ReportDue | null;
  /** Surveillance audits per year between recertifications (ISO 14001: 1). */
  surveillanceAuditsPerYear: number;
  /** Whether the scheme is an environmental management system that counts towards the coverage indicators (A1, B1). */
  countsForCoverage: boolean;
  /** Who may hold it: municipal units, external organisations or both. */
  holders: HolderKind[];
}

/** A certification scheme: built in (data/reference/certification) or added by an admin. */
export interface Scheme extends SchemeRules {
  key: string;
  name: Text;
  description: Text;
  url: string | null;
  builtIn: boolean;
}

/** Verification state of a certificate; only verified certificates certify. */
export type Verification = 'verified' | 'pending' | 'rejected';

/** The facts about one certificate that its status depends on (dates ISO yyyy-mm-dd). */
export interface CertificateFacts {
  id: string;
  schemeKey: string;
  /** The municipal unit holding it, or null for an external organisation. */
  holderUnitId: string | null;
  /** The external organisation holding it, or null for a municipal unit. */
  organisationId: string | null;
  /** Further units covered (a Miljøfyrtårn head-office certificate may cover many). */
  scopeUnitIds: readonly string[];
  /** Whether every sub-unit of the holder and of each scope unit is covered too. */
  includeSubunits: boolean;
  /** When work towards certification started (status "in progress" from then until issue). */
  startedOn: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  /** Withdrawn by the issuer: lapsed from this date. */
  withdrawnOn: string | null;
  /** The earlier certificate this one renews (recertification); the two may overlap. */
  supersedesId: string | null;
  verification: Verification;
}

/** Status of a certificate, or of a unit, on a date. */
export type CertStatus = 'certified' | 'expiring' | 'in_grace' | 'lapsed' | 'in_progress' | 'none';

/** A municipal unit as coverage sees it. */
export interface UnitNode {
  id: string;
  parentId: string | null;
  /** sector | unit | subunit */
  kind: string;
  staff: number;
}

/** A problem with one field of the input: Norwegian and English message. */
export interface FieldIssue {
  field: string;
  message: string;
  messageEn: string;
}
