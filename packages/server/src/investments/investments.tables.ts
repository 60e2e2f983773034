// Row types of the investments tables (migration 2026-11-29T0300-investments).
// Dates are ISO yyyy-mm-dd text, timestamps ISO 8601, money integer øre, JSON as text.

export interface InvPolicyTable {
  id: string;
  municipality_id: string;
  version: number;
  title: string;
  adopted_body: string;
  adopted_date: string | null;
  case_number: string | null;
  policy: string; // JSON InvestmentPolicy
  created_by_label: string;
  created_at: string;
}

/** One imported version of an exclusion list: what was on which list when. */
export interface InvListVersionTable {
  id: string;
  municipality_id: string;
  list_key: string;
  list_name: string;
  version: number;
  source_file: string;
  content_hash: string;
  entry_count: number;
  imported_by_label: string;
  imported_at: string;
}

export interface InvListEntryTable {
  id: string;
  municipality_id: string;
  version_id: string;
  row: number;
  name: string;
  isin: string | null;
  lei: string | null;
  country: string | null;
  category: string;
  criterion: string;
  decision: string; // exclusion | observation
  date: string | null;
  aliases: string; // JSON string[]
}

/** Revenue shares and metrics of a company from a data feed, for threshold criteria. */
export interface InvCompanyDataTable {
  id: string;
  municipality_id: string;
  company_key: string;
  name: string;
  isin: string | null;
  revenue_shares: string; // JSON Record<activity, share 0…1>
  metrics: string; // JSON Record<metric, number>
  source: string;
  year: number | null;
  updated_at: string;
}

export interface InvPortfolioTable {
  id: string;
  municipality_id: string;
  key: string;
  name: string;
  created_at: string;
}

/** A custodian's holdings report for one portfolio and date. */
export interface InvReportTable {
  id: string;
  municipality_id: string;
  portfolio_id: string;
  as_of: string;
  source_file: string;
  content_hash: string;
  imported_by_label: string;
  imported_at: string;
}

export interface InvHoldingTable {
  id: string;
  municipality_id: string;
  report_id: string;
  line: number;
  name: string;
  isin: string | null;
  lei: string | null;
  country: string | null;
  market_value_ore: number;
  extra: string; // JSON of the columns beyond the known ones
}

/** A reviewer's decision on a holding–list pair, remembered for the next report. */
export interface InvReviewDecisionTable {
  id: string;
  municipality_id: string;
  holding_key: string;
  list_key: string;
  decision: string; // confirmed | rejected
  note: string | null;
  decided_by_label: string;
  decided_at: string;
}

/** A breach on its way out of a portfolio: flagged → decided → sold. */
export interface InvDivestmentTable {
  id: string;
  municipality_id: string;
  portfolio_id: string;
  company_key: string;
  company_name: string;
  status: string;
  flagged_at: string;
  flagged_by_label: string;
  decided_at: string | null;
  decided_by_label: string | null;
  sold_at: string | null;
  sold_by_label: string | null;
  note: string | null;
}

export interface InvestmentsDB {
  inv_policy: InvPolicyTable;
  inv_list_version: InvListVersionTable;
  inv_list_entry: InvListEntryTable;
  inv_company_data: InvCompanyDataTable;
  inv_portfolio: InvPortfolioTable;
  inv_report: InvReportTable;
  inv_holding: InvHoldingTable;
  inv_review_decision: InvReviewDecisionTable;
  inv_divestment: InvDivestmentTable;
}
