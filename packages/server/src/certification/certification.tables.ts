// Row types of the certification tables (migration 2026-11-28T1040-certification).
// Dates are ISO yyyy-mm-dd text, timestamps ISO 8601, booleans 0/1, JSON is text, emissions kg CO2e.

/** A scheme an admin added; the built-in schemes live in data/reference/certification/schemes.json. */
export interface CertSchemeTable {
  id: string;
  municipality_id: string;
  key: string;
  name_nb: string;
  name_en: string;
  description_nb: string;
  description_en: string;
  url: string | null;
  rules: string; // JSON SchemeRules
  created_at: string;
  updated_at: string;
}

export interface CertCertificateTable {
  id: string;
  municipality_id: string;
  scheme_key: string;
  holder_unit_id: string | null;
  organisation_id: string | null;
  certificate_number: string | null;
  issuer: string | null;
  started_on: string | null;
  issued_on: string | null;
  valid_until: string | null;
  withdrawn_on: string | null;
  supersedes_id: string | null;
  include_subunits: number;
  verification: string; // verified | pending | rejected
  rejection_reason: string | null;
  verified_by_label: string | null;
  verified_at: string | null;
  note: string | null;
  registered_by: string | null;
  registered_by_label: string;
  created_at: string;
  updated_at: string;
}

/** Further units a certificate covers (head-office model). */
export interface CertCertificateScopeTable {
  municipality_id: string;
  certificate_id: string;
  unit_id: string;
}

export interface CertEvidenceTable {
  id: string;
  municipality_id: string;
  certificate_id: string;
  file_id: string;
  created_at: string;
}

export interface CertReportTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  year: number;
  data: string; // JSON ReportData
  scope1_kg: number;
  scope2_kg: number;
  scope3_kg: number;
  total_kg: number;
  ghg: string; // JSON GhgAccount, with the factors used
  kwh_per_m2: number | null;
  sorting_rate_pct: number | null;
  status: string; // draft | submitted
  submitted_at: string | null;
  submitted_by_label: string | null;
  import_file: string | null;
  import_line: number | null;
  updated_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface CertCourseTable {
  id: string;
  municipality_id: string;
  title: string;
  theme: string;
  hours: number;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface CertSessionTable {
  id: string;
  municipality_id: string;
  course_id: string;
  date: string;
  format: string; // e_learning | classroom | digital
  place: string | null;
  created_at: string;
}

export interface CertParticipationTable {
  id: string;
  municipality_id: string;
  session_id: string;
  unit_id: string;
  participants: number;
  completed: number;
  names: string | null; // JSON string[] when the unit registers named staff
  created_at: string;
  updated_at: string;
}

export interface CertOutreachTable {
  id: string;
  municipality_id: string;
  organisation_id: string;
  date: string;
  channel: string; // phone | email | meeting | letter | event
  outcome: string; // interested | not_interested | follow_up | started
  note: string | null;
  by_label: string;
  created_at: string;
}

/** Where a unit is drawn on the coverage map (WGS84). */
export interface CertUnitLocationTable {
  municipality_id: string;
  unit_id: string;
  lat: number;
  lon: number;
  source: string;
  updated_at: string;
}

/** One claimed reminder e-mail per recipient and day, so several instances never send twice. */
export interface CertReminderSentTable {
  id: string;
  municipality_id: string;
  date: string;
  recipient: string;
  items: number;
  sent_at: string;
}

export interface CertificationDB {
  cert_scheme: CertSchemeTable;
  cert_certificate: CertCertificateTable;
  cert_certificate_scope: CertCertificateScopeTable;
  cert_evidence: CertEvidenceTable;
  cert_report: CertReportTable;
  cert_course: CertCourseTable;
  cert_session: CertSessionTable;
  cert_participation: CertParticipationTable;
  cert_outreach: CertOutreachTable;
  cert_unit_location: CertUnitLocationTable;
  cert_reminder_sent: CertReminderSentTable;
}
