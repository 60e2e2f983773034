// Row types of the campaign tables (migration 2026-11-30T0600-campaign). Residents take part
// without an account, so little is kept about them: a name or nickname, an optional e-mail for a
// registration, and a keyed hash instead of any address or identity for posters and cancel codes.

/** A campaign theme with its own threads and moderation mode. */
export interface CmpThemeTable {
  id: string;
  municipality_id: string;
  title_nb: string;
  title_en: string | null;
  text_nb: string;
  text_en: string | null;
  moderation: string; // 'pre' | 'post'
  open: number; // 1 open for new posts, 0 closed (threads stay readable)
  sort: number;
  created_at: string;
  updated_at: string;
}

/** A meeting, workshop or repair day; seats_taken moves only by conditional updates (never over capacity). */
export interface CmpEventTable {
  id: string;
  municipality_id: string;
  theme_id: string | null;
  kind: string;
  title: string;
  description: string | null;
  place: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  seats_taken: number;
  cancelled: number;
  created_at: string;
  updated_at: string;
}

/** A resident's registration: only a name or nickname, an optional e-mail and the hash of the cancel code. */
export interface CmpRegistrationTable {
  id: string;
  municipality_id: string;
  event_id: string;
  name: string;
  email: string | null;
  seats: number;
  cancel_hash: string;
  status: string; // 'active' | 'cancelled'
  created_at: string;
  cancelled_at: string | null;
}

/** A thread starter (parent_id null, with a title) or a reply. */
export interface CmpPostTable {
  id: string;
  municipality_id: string;
  theme_id: string;
  parent_id: string | null;
  title: string | null;
  display_name: string;
  body: string;
  body_norm: string;
  poster_key: string; // keyed hash of the browser's random participant id; never an address
  status: string; // 'pending' | 'visible' | 'hidden'
  by_staff: number;
  created_at: string;
  moderated_at: string | null;
  moderation_reason: string | null;
}

/** A report of a post by anyone, with a reason; resolved by a moderator's action. */
export interface CmpReportTable {
  id: string;
  municipality_id: string;
  post_id: string;
  reason: string;
  note: string | null;
  status: string; // 'open' | 'resolved'
  created_at: string;
  resolved_at: string | null;
}

export interface CampaignDB {
  cmp_theme: CmpThemeTable;
  cmp_event: CmpEventTable;
  cmp_registration: CmpRegistrationTable;
  cmp_post: CmpPostTable;
  cmp_report: CmpReportTable;
}
