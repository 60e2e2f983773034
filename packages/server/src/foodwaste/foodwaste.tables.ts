// Row types of the food-waste tables (migrations 2026-11-28T1200-foodwaste, 2026-11-29T0000-foodwaste-lists).
// Dates are ISO yyyy-mm-dd text, timestamps ISO 8601, booleans 0/1, weights kg as double.

/** A kitchen that weighs its waste: a municipal unit's (unit_id) or an external organisation's (organisation_id). */
export interface FwKitchenTable {
  id: string;
  municipality_id: string;
  name: string;
  kind: string; // nursing_home | kindergarten | school | canteen | production | hotel | shop | restaurant | institution
  unit_id: string | null;
  organisation_id: string | null;
  activity_kind: string; // portions | guest_nights | food_purchases_nok | resident_days
  baseline_from: string | null;
  baseline_to: string | null;
  target_reduction: number;
  target_date: string;
  lat: number | null; // where the kitchen is (WGS 84), for receivers looking for offers near them
  lon: number | null;
  created_at: string;
  updated_at: string;
}

export interface FwRegistrationTable {
  id: string;
  municipality_id: string;
  kitchen_id: string;
  date: string;
  stage: string;
  category: string;
  reason: string;
  destination: string;
  kg: number;
  note: string | null;
  client_id: string | null;
  entered_by: string | null;
  entered_by_label: string;
  import_file: string | null;
  import_line: number | null;
  created_at: string;
}

/** A kitchen's activity (portions, guest nights…) for one day or a period ending that day. */
export interface FwActivityTable {
  id: string;
  municipality_id: string;
  kitchen_id: string;
  date: string;
  amount: number;
  entered_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface FwOfferTable {
  id: string;
  municipality_id: string;
  kitchen_id: string;
  title: string;
  kg: number;
  best_before: string;
  pickup_from: string;
  pickup_to: string;
  expires_at: string;
  place: string;
  cold_chain: number;
  lat: number | null; // the kitchen's place unless the donor gave another
  lon: number | null;
  status: string; // open | claimed | collected | no_show | expired
  receiver_organisation_id: string | null;
  claimed_at: string | null;
  claimed_by_label: string | null;
  closed_at: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** An entry a municipality added to a list (stages, categories, reasons, destinations); the built-in ones are not stored. */
export interface FwListItemTable {
  id: string;
  municipality_id: string;
  list: string;
  key: string;
  label_nb: string;
  label_en: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface FoodwasteDB {
  fw_list_item: FwListItemTable;
  fw_kitchen: FwKitchenTable;
  fw_registration: FwRegistrationTable;
  fw_activity: FwActivityTable;
  fw_offer: FwOfferTable;
}
