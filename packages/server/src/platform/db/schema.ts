import type { Generated } from 'kysely';
import type { CertificationDB } from '../../certification/certification.tables.js';
import type { ClimateDB } from '../../climate/climate.tables.js';
import type { FoodwasteDB } from '../../foodwaste/foodwaste.tables.js';
import type { ApprenticeshipsDB } from '../../apprenticeships/apprenticeships.tables.js';
import type { EnterpriseDB } from '../../enterprise/enterprise.tables.js';
import type { ProcurementDB } from '../../procurement/procurement.tables.js';
import type { FootprintDB } from '../../footprint/footprint.tables.js';
import type { InvestmentsDB } from '../../investments/investments.tables.js';
import type { CampaignDB } from '../../campaign/campaign.tables.js';
import type { CircularDB } from '../../circular/circular.tables.js';
import type { ServicesDB } from '../../services/services.tables.js';
import type { AgricultureDB } from '../../agriculture/agriculture.tables.js';
import type { EconomyDB } from '../../economy/economy.tables.js';
import type { LandDB } from '../../land/land.tables.js';

// Row types of every table. Timestamps and dates are ISO 8601 text, booleans 0/1,
// JSON is text, money is integer øre, emissions double kg CO2e (DESIGN.md data rules).

export interface MunicipalityTable {
  id: string;
  slug: string;
  name: string;
  number: string;
  previous_numbers: string; // JSON string[]
  hosts: string; // JSON string[]
  locale: string;
  created_at: string;
}

export interface OrgUnitTable {
  id: string;
  municipality_id: string;
  key: string;
  parent_id: string | null;
  kind: string; // sector | unit | subunit
  type: string;
  name: string;
  address: string | null;
  postal_code: string | null;
  place: string | null;
  staff: number;
  created_at: string;
  updated_at: string;
}

export interface OrganisationTable {
  id: string;
  municipality_id: string;
  org_number: string;
  name: string;
  kind: string;
  industry_code: string | null;
  address: string | null;
  postal_code: string | null;
  place: string | null;
  municipality_number: string | null;
  employees: number | null;
  website: string | null;
  parent_org_number: string | null;
  source: string; // manual | brreg | demo
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  municipality_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string; // admin | editor | unit_manager | business
  domains: string; // JSON string[] for editors
  unit_id: string | null;
  organisation_id: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token
  municipality_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** A failed password login (the e-mail address hashed), for throttling guesses per account. */
export interface LoginFailureTable {
  id: string;
  municipality_id: string;
  email_hash: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string | null;
  before: string | null;
  after: string | null;
}

export interface StoredFileTable {
  id: string;
  municipality_id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  domain: string;
  owner_unit_id: string | null;
  owner_organisation_id: string | null;
  uploaded_by: string | null;
  created_at: string;
}

export interface OidcStateTable {
  id: string;
  municipality_id: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: string;
}

export interface JobTable {
  id: string;
  municipality_id: string;
  kind: string;
  status: string; // queued | running | done | failed
  progress: number;
  total: number;
  input: string | null;
  result: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB extends ProgramDB, CertificationDB, FoodwasteDB, ProcurementDB, ClimateDB, FootprintDB, ApprenticeshipsDB, EnterpriseDB, InvestmentsDB, CampaignDB, CircularDB, AgricultureDB, ServicesDB, EconomyDB, LandDB {
  municipality: MunicipalityTable;
  org_unit: OrgUnitTable;
  organisation: OrganisationTable;
  app_user: UserTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  stored_file: StoredFileTable;
  oidc_state: OidcStateTable;
  job: JobTable;
}

/** Tables whose rows belong to one municipality; every query on them is scoped. */
export type TenantTable = Exclude<keyof DB, 'municipality'>;

// ---------- program ----------

export interface ProgramTable {
  id: string;
  municipality_id: string;
  key: string;
  name_nb: string;
  name_en: string;
  description_nb: string;
  description_en: string;
  start_date: string;
  end_date: string;
  created_at: string;
  updated_at: string;
}

export interface ProgramAreaTable {
  id: string;
  municipality_id: string;
  program_id: string;
  code: string;
  title_nb: string;
  title_en: string;
  description_nb: string;
  description_en: string;
  sort: number;
}

export interface ProgramGoalTable {
  id: string;
  municipality_id: string;
  program_id: string;
  area_id: string;
  code: string;
  title_nb: string;
  title_en: string;
  text_nb: string;
  text_en: string;
  responsible_unit_id: string | null;
  served_by: string; // JSON string[]
  sort: number;
}

export interface IndicatorTable {
  id: string;
  municipality_id: string;
  program_id: string;
  goal_id: string | null; // null: a context indicator (population…)
  key: string;
  name_nb: string;
  name_en: string;
  description_nb: string;
  description_en: string;
  unit: string;
  direction: string;
  decimals: number;
  baseline_value: number | null;
  baseline_date: string | null;
  baseline_note_nb: string | null;
  baseline_note_en: string | null;
  path: string;
  tolerance: number;
  reporting_interval: string;
  responsible_unit_id: string | null;
  visibility: string;
  source_kind: string; // entered | computed | derived | open_data
  source_domain: string | null;
  source_metric: string | null;
  formula: string | null;
  planned_source: string | null; // JSON
  primary_source_id: string | null;
  sort: number;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTargetTable {
  id: string;
  municipality_id: string;
  indicator_id: string;
  date: string;
  value: number;
  label_nb: string | null;
  label_en: string | null;
}

export interface IndicatorSourceTable {
  id: string;
  municipality_id: string;
  indicator_id: string;
  kind: string;
  name: string;
  producer: string;
  method: string;
  version: string;
  limits: string;
  url: string | null;
  created_at: string;
}

export interface IndicatorValueTable {
  id: string;
  municipality_id: string;
  indicator_id: string;
  source_id: string;
  period: string;
  date: string;
  value: number;
  note: string | null;
  produced_by: string | null;
  produced_by_label: string;
  import_file: string | null;
  import_line: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramActionTable {
  id: string;
  municipality_id: string;
  program_id: string;
  goal_id: string;
  key: string;
  title_nb: string;
  title_en: string;
  description_nb: string;
  description_en: string;
  status: string;
  start_date: string | null;
  end_date: string | null;
  budget_ore: number | null;
  responsible_unit_id: string | null;
  indicator_keys: string; // JSON string[]
  created_at: string;
  updated_at: string;
}

export interface ActionLogTable {
  id: string;
  municipality_id: string;
  action_id: string;
  date: string;
  kind: string;
  text_nb: string;
  text_en: string;
  case_number: string | null;
  author_label: string;
  created_at: string;
}

export interface ReminderDigestTable {
  id: string;
  municipality_id: string;
  date: string;
  recipient: string;
  recipients: string;
  items: number;
  sent_at: string;
}

export interface ProgramDB {
  program: ProgramTable;
  program_area: ProgramAreaTable;
  program_goal: ProgramGoalTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  indicator_source: IndicatorSourceTable;
  indicator_value: IndicatorValueTable;
  program_action: ProgramActionTable;
  action_log: ActionLogTable;
  reminder_digest: ReminderDigestTable;
}
