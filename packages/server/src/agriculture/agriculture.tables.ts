// Row types of the agriculture tables (migration 2026-11-30T0500-agriculture). Areas in decares.

/** A farm: an organisation in the register with its agricultural area and organic certificate. */
export interface AgFarmTable {
  id: string;
  municipality_id: string;
  organisation_id: string;
  agricultural_area_daa: number;
  certifier_key: string | null;
  certificate_number: string | null;
  certificate_date: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** One crop's area on a farm in a year, by management (conventional, conversion with its start, organic). */
export interface AgCropAreaTable {
  id: string;
  municipality_id: string;
  farm_id: string;
  year: number;
  crop_key: string;
  area_daa: number;
  management: string;
  conversion_start: string | null;
  entered_by_label: string;
  created_at: string;
}

/** A delivery to the local market: a month (1–12) or a whole year (month null). */
export interface AgDeliveryTable {
  id: string;
  municipality_id: string;
  farm_id: string;
  year: number;
  month: number | null;
  channel_key: string;
  product_key: string;
  kg: number;
  value_ore: number;
  note: string | null;
  /** import:<file hash>:<line> for imported lines, so a file imported twice adds nothing. */
  client_key: string | null;
  import_file: string | null;
  import_line: number | null;
  entered_by_label: string;
  created_at: string;
}

/** A farm's plan to convert area to organic. */
export interface AgPlanTable {
  id: string;
  municipality_id: string;
  farm_id: string;
  target_year: number;
  area_daa: number;
  status: string; // planned | in_progress | completed | abandoned
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Support granted to a farm (scheme, year, amount in øre). */
export interface AgSupportTable {
  id: string;
  municipality_id: string;
  farm_id: string;
  scheme_key: string;
  year: number;
  amount_ore: number;
  note: string | null;
  entered_by_label: string;
  created_at: string;
}

export interface AgricultureDB {
  ag_farm: AgFarmTable;
  ag_crop_area: AgCropAreaTable;
  ag_delivery: AgDeliveryTable;
  ag_plan: AgPlanTable;
  ag_support: AgSupportTable;
}
