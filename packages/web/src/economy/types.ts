// What the economy API answers (packages/server/src/economy/economy.service.ts).
export type JobClass = 'oil_gas' | 'green' | 'other';
export const CLASSES: readonly JobClass[] = ['oil_gas', 'green', 'other'];

export interface Text {
  nb: string;
  en: string;
}
export interface Snapshot {
  id: string;
  date: string;
  sourceKind: string;
  sourceFile: string;
  establishments: number;
  jobs: number;
  fictional: boolean;
  importedBy: string;
  updatedAt: string;
}
export interface YearTotals {
  year: number;
  date: string;
  snapshotId: string;
  fictional: boolean;
  ruleVersion: string | null;
  oil_gas: number;
  green: number;
  other: number;
  total: number;
  uncertainJobs: number;
  shares: Record<JobClass, number | null>;
}
export interface RuleSummary {
  id: string;
  basis: 'code' | 'certification';
  prefix: string | null;
  class: 'oil_gas' | 'green';
  share: number;
  caveat: Text | null;
}
export interface IndustryRow {
  code: string | null;
  name: string | null;
  establishments: number;
  jobs: number;
  oil_gas: number;
  green: number;
  other: number;
  codeRuleId: string | null;
  certified: number;
  uncertain: boolean;
  rule: RuleSummary | null;
}
export interface Caveat {
  ruleId: string;
  class: 'oil_gas' | 'green';
  share: number;
  prefix: string | null;
  basis: 'code' | 'certification';
  caveat: Text;
  jobs: number;
}
export interface Overview {
  snapshots: Snapshot[];
  years: YearTotals[];
  canEdit: boolean;
  today: string;
  snapshot: Snapshot | null;
  totals: (Record<JobClass, number> & { total: number; certifiedJobs: number; shares: Record<JobClass, number | null> }) | null;
  byIndustry: IndustryRow[];
  caveats: Caveat[];
  ruleVersion: { validFrom: string; builtIn: boolean } | null;
}
export interface Establishment {
  orgNumber: string;
  name: string;
  industryCode: string | null;
  industryName: string | null;
  employees: number;
  oil_gas: number;
  green: number;
  other: number;
  main: JobClass;
  codeRuleId: string | null;
  certificationRuleId: string | null;
  certified: boolean;
  uncertain: boolean;
  sourceLine: number;
}
export interface EstablishmentPage {
  total: number;
  limit: number;
  offset: number;
  items: Establishment[];
}
export interface MapView {
  date: string | null;
  boundary: number[][][][] | null;
  attribution: string | null;
  points: { orgNumber: string; name: string; lat: number; lon: number; jobs: number; main: JobClass; uncertain: boolean }[];
  unplaced: number;
  unplacedJobs: number;
}
export interface Rule {
  id: string;
  basis: 'code' | 'certification';
  prefix?: string;
  exceptPrefixes?: string[];
  class: 'oil_gas' | 'green';
  share: number;
  rationale: Text;
  caveat: Text | null;
  sources: string[];
}
export interface RuleSource {
  title: string;
  publisher: string;
  url: string | null;
  note?: string;
}
export interface RuleVersion {
  id: string | null;
  validFrom: string;
  builtIn: boolean;
  ruleSet: { validFrom: string; note: Text | null; rules: Rule[]; sources: Record<string, RuleSource> };
  createdBy: string | null;
  createdAt: string | null;
}
export interface RulesView {
  today: string;
  canEdit: boolean;
  current: string | null;
  versions: RuleVersion[];
}
export interface ImportResult {
  file: string;
  skippedOutside: number;
  snapshots: { date: string; establishments: number; jobs: number; status: 'created' | 'replaced' | 'unchanged' }[];
}
