// Row types of the procurement tables (migration 2026-11-29T0100-procurement).
// Money is integer øre, dates ISO yyyy-mm-dd text, timestamps ISO 8601, JSON as text, booleans 0/1.

/** One entry of the criteria library: an environmental requirement or award criterion for a product group. */
export interface PrCriterionTable {
  id: string;
  municipality_id: string;
  key: string;
  product_group: string;
  type: string; // qualification | specification | award | contract_condition
  level: string; // basic | advanced
  title: string;
  text: string;
  documentation: string; // how the supplier documents it
  verification: string; // how the buyer verifies it
  cpv: string; // JSON string[] of CPV codes
  active: number;
  created_at: string;
  updated_at: string;
}

export interface PrTenderTable {
  id: string;
  municipality_id: string;
  reference: string; // the case or tender number
  title: string;
  description: string;
  cpv: string; // main CPV code
  estimated_value_ore: number;
  currency: string; // NOK, or another ISO 4217 code for tenders imported from OCDS
  procedure: string; // open | restricted | negotiated | competitive_dialogue | below_threshold | direct
  unit_id: string | null;
  status: string; // draft | published | awarded | cancelled
  weighting: string; // weights | ranking
  price_model: string; // JSON PriceModel
  criteria: string; // JSON TenderCriterion[]
  requirements: string; // JSON TenderRequirement[] (specification requirements and contract conditions from the library)
  lots: string; // JSON Lot[]
  exception_kind: string | null;
  exception_justification: string | null;
  env_weight: number | null;
  exception_used: number;
  tender_period_end: string | null;
  published_at: string | null;
  awarded_bid_id: string | null;
  awarded_at: string | null;
  ocds_id: string | null; // the OCID when imported from OCDS
  created_at: string;
  updated_at: string;
}

export interface PrBidTable {
  id: string;
  municipality_id: string;
  tender_id: string;
  label: string; // short name used in the evaluation (A, B, …)
  supplier_name: string;
  supplier_org_number: string | null;
  price_ore: number | null;
  points: string; // JSON { criterionId: points }
  lcc: string | null; // JSON LCC input without purchase price
  created_at: string;
  updated_at: string;
}

export interface PrContractTable {
  id: string;
  municipality_id: string;
  tender_id: string;
  bid_id: string;
  supplier_name: string;
  value_ore: number;
  start_date: string;
  end_date: string;
  unit_id: string | null;
  created_at: string;
}

/** One requirement of a contract to be checked after award. */
export interface PrFollowUpTable {
  id: string;
  municipality_id: string;
  contract_id: string;
  requirement_key: string;
  title: string;
  type: string;
  check_kind: string; // document_review | audit | measurement
  due_date: string;
  unit_id: string | null;
  outcome: string | null; // met | deviation
  checked_on: string | null;
  finding: string | null;
  sanction: string | null; // none | notice | fine | termination
  sanction_date: string | null;
  deviation_closed_on: string | null;
  recorded_by_label: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcurementDB {
  pr_criterion: PrCriterionTable;
  pr_tender: PrTenderTable;
  pr_bid: PrBidTable;
  pr_contract: PrContractTable;
  pr_follow_up: PrFollowUpTable;
}
