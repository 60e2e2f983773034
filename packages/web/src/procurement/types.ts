import type { CriterionKind, RuleResult } from '@omstilling/core/procurement/rules';
import type { PriceModel } from '@omstilling/core/procurement/evaluation';

export type { CriterionKind, PriceModel, RuleResult };

export interface Finding {
  code: string;
  message: string;
  bid?: string;
  criterion?: string;
}

export interface LibraryCriterion {
  id: string;
  key: string;
  productGroup: string;
  type: 'qualification' | 'specification' | 'award' | 'contract_condition';
  level: string;
  title: string;
  text: string;
  documentation: string;
  verification: string;
  cpv: string[];
  active: boolean;
}

export interface TenderCriterion {
  id: string;
  kind: CriterionKind;
  name: string;
  weight?: number | null;
  rank?: number | null;
  libraryKey?: string | null;
}

export interface TenderSummary {
  id: string;
  reference: string;
  title: string;
  cpv: string;
  cpvName: string | null;
  estimatedValueNok: number;
  currency: string;
  procedure: string;
  status: string;
  envWeight: number | null;
  exceptionUsed: boolean;
  rulesOk: boolean;
  bids: number;
}

export interface Tender extends TenderSummary {
  description: string;
  weighting: 'weights' | 'ranking';
  priceModel: PriceModel;
  criteria: TenderCriterion[];
  requirements: { key: string; title: string; type: string; checkKind: string }[];
  exception: { kind: 'specification' | 'insignificant'; justification: string } | null;
  rules: RuleResult;
  awardedBidId: string | null;
  contractId: string | null;
}

export interface Bid {
  id: string;
  label: string;
  supplierName: string;
  priceNok: number | null;
  points: Record<string, number | null>;
}

export interface Evaluation {
  tender: Tender;
  bids: Bid[];
  ranking: { bid: string; rank: number; total: number; points: Record<string, number>; priceNok: number | null; adjustedPriceNok: number | null; lcc: { lccNok: number; carbonNok: number; tonnesCo2e: number } | null }[];
  winner: string | null;
  warnings: Finding[];
  errors: Finding[];
  sensitivity: { envWeight: number; from: number; to: number; winner: string } | null;
  formulas: { price: string; total: string };
  carbonPricePath: { name: string; unit: string; version: string; status: string };
}

export interface FollowUpItem {
  id: string;
  title: string;
  type: string;
  checkKind: string;
  dueDate: string;
  status: 'upcoming' | 'overdue' | 'met' | 'deviation_open' | 'deviation_closed';
  outcome: string | null;
  finding: string | null;
  sanction: string | null;
  supplierName: string;
  tenderTitle: string;
}

export interface Dashboard {
  asOf: string;
  units: { unitId: string | null; unitName: string; overdue: number; deviationsOpen: number; upcoming: number; items: FollowUpItem[] }[];
  totals: { overdue: number; deviationsOpen: number; upcoming: number; contracts: number; contractsOnSchedule: number };
}
