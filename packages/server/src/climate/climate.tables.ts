// Row types of the climate tables (migration 2026-11-29T0200-climate). Money integer øre,
// periods yyyymm as integers, timestamps ISO 8601, JSON as text.
import type { Generated } from 'kysely';

/** One imported ledger file: the same file (sha256) is imported once. */
export interface ClimateImportTable {
  id: string;
  municipality_id: string;
  filename: string;
  sha256: string;
  lines: number;
  imported: number;
  skipped: number;
  total_ore: number;
  period_from: number;
  period_to: number;
  periods: string; // JSON yyyymm[]
  excluded: string; // JSON {reason: {lines, ore}}
  imported_by_label: string;
  created_at: string;
}

/** One purchase line of a ledger (lines excluded by the rule are not stored). */
export interface ClimateLedgerLineTable {
  id: Generated<number>;
  municipality_id: string;
  import_id: string;
  line: number;
  date: string;
  period: number;
  ansvar: string;
  art: string;
  funksjon: string;
  project: string | null;
  orgnr: string | null;
  supplier: string | null;
  amount_ore: number;
  text: string | null;
}

export interface ClimateAnsvarUnitTable {
  id: string;
  municipality_id: string;
  ansvar: string;
  unit_id: string;
  updated_at: string;
}

/** The municipality's edits of the shipped art → category mapping. */
export interface ClimateArtMappingTable {
  id: string;
  municipality_id: string;
  art: string;
  funksjon: string;
  category: string;
  rationale: string;
  updated_by_label: string;
  updated_at: string;
}

export interface ClimateSupplierFactorTable {
  id: string;
  municipality_id: string;
  orgnr: string;
  year: number;
  kg_per_nok: number;
  source: string;
  created_by_label: string;
  created_at: string;
}

export interface ClimateFactorDecisionTable {
  id: string;
  municipality_id: string;
  set_key: string;
  category: string;
  value: number | null;
  note: string;
  decided_by_label: string;
  decided_at: string;
}

/** Physical energy use of the units behind an ansvar in a year, by energy carrier. */
export interface ClimateEnergyUseTable {
  id: string;
  municipality_id: string;
  ansvar: string;
  year: number;
  carrier: string;
  kwh: number;
  source: string;
  created_by_label: string;
  created_at: string;
}

export interface ClimateDB {
  climate_import: ClimateImportTable;
  climate_ledger_line: ClimateLedgerLineTable;
  climate_ansvar_unit: ClimateAnsvarUnitTable;
  climate_art_mapping: ClimateArtMappingTable;
  climate_supplier_factor: ClimateSupplierFactorTable;
  climate_factor_decision: ClimateFactorDecisionTable;
  climate_energy_use: ClimateEnergyUseTable;
}
