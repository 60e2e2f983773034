// Row types of the circular tables (migration 2026-11-30T0300-circular): the public directory of
// reuse and repair places, and the internal reuse marketplace (items and reservations).
// JSON is text, money integer øre, dates ISO yyyy-mm-dd, timestamps ISO 8601.

/** A reuse, second-hand, repair or rental place in the public directory. */
export interface CircPlaceTable {
  id: string;
  municipality_id: string;
  name: string;
  kind: string; // core PLACE_KINDS
  organisation_id: string | null; // the organisations register entry, when there is one: its business users may edit
  description: string;
  address: string | null;
  postal_code: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  opening_hours: string; // JSON OpeningHours
  opening_note: string | null;
  categories: string; // JSON string[]
  phone: string | null;
  email: string | null;
  website: string | null;
  active: number;
  updated_by_label: string;
  created_at: string;
  updated_at: string;
}

/** A surplus item (or a batch of equal items) a municipal unit gives away to other units. */
export interface CircItemTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  title: string;
  description: string;
  category: string;
  condition: string;
  quantity: number;
  quantity_left: number; // not yet reserved; the conditional UPDATE on it decides concurrent reservations
  location: string;
  available_from: string;
  cost_ore: number; // repair and transport, subtracted from the NOK saved
  photo_file_id: string | null;
  state: string; // available | reserved | collected | withdrawn
  created_by_label: string;
  created_at: string;
  updated_at: string;
}

/** One unit's reservation of some of an item; collected reservations are what the figures count. */
export interface CircReservationTable {
  id: string;
  municipality_id: string;
  item_id: string;
  unit_id: string;
  quantity: number;
  state: string; // reserved | collected | cancelled
  reserved_by_label: string;
  reserved_at: string;
  closed_at: string | null;
}

export interface CircularDB {
  circ_place: CircPlaceTable;
  circ_item: CircItemTable;
  circ_reservation: CircReservationTable;
}
