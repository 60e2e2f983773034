// Row types of the economy tables (migration 2026-11-30T0200-economy). Dates ISO text, booleans 0/1, JSON as text.

/** One imported employment snapshot: the register on a date. Unique per municipality and date. */
export interface EconSnapshotTable {
  id: string;
  municipality_id: string;
  date: string;
  source_kind: string; // brreg | table | demo
  source_file: string;
  /** Hash of the establishments it holds: the same content imported again changes nothing. */
  content_hash: string;
  establishments: number;
  jobs: number;
  fictional: number;
  imported_by_label: string;
  created_at: string;
  updated_at: string;
}

/** An establishment (Brønnøysund sub-unit) and its jobs in one snapshot, with the line it came from. */
export interface EconEstablishmentTable {
  id: string;
  municipality_id: string;
  snapshot_id: string;
  org_number: string;
  name: string;
  industry_code: string | null;
  employees: number;
  municipality_number: string | null;
  parent_org_number: string | null;
  lat: number | null;
  lon: number | null;
  source_line: number;
}

/** A version of the classification rules, in force for snapshots dated on or after valid_from. Never changed once saved. */
export interface EconRuleSetTable {
  id: string;
  municipality_id: string;
  valid_from: string;
  rules: string;
  note: string | null;
  created_by_label: string;
  created_at: string;
}

export interface EconomyDB {
  econ_snapshot: EconSnapshotTable;
  econ_establishment: EconEstablishmentTable;
  econ_rule_set: EconRuleSetTable;
}
