// The campaign (program point C1): themes, events with registration, moderated discussion
// threads, and the figures over time. Pure rules; the server stores and the web shows.

export const MODERATION_MODES = ['pre', 'post'] as const;
/** pre: a post is hidden until a moderator approves it; post: visible until a moderator hides it. */
export type ModerationMode = (typeof MODERATION_MODES)[number];
export const EVENT_KINDS = ['meeting', 'workshop', 'repair_day'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const POST_STATUSES = ['pending', 'visible', 'hidden'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const REPORT_REASONS = ['offensive', 'spam', 'personal_data', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const MODERATION_ACTIONS = ['approve', 'hide', 'restore', 'dismiss'] as const;
/** approve a held post; hide a post; restore a hidden post; dismiss the reports on a visible post. */
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The version of the code of conduct a poster must accept (the text lives in the web's strings). */
export const CODE_OF_CONDUCT_VERSION = '2026-11';

/** Seats one registration may take. */
export const MAX_SEATS_PER_REGISTRATION = 6;

export interface CampaignFieldError {
  field: string;
  message: string;
}

export interface ThemeInput {
  titleNb: string;
  titleEn?: string | null;
  textNb: string;
  textEn?: string | null;
  moderation: string;
  open: boolean;
}

/** Checks a theme; every problem names its field in Norwegian. */
export function validateTheme(t: ThemeInput): CampaignFieldError[] {
  const out: CampaignFieldError[] = [];
  if (!t.titleNb.trim()) out.push({ field: 'titleNb', message: 'Tittel (bokmål) må fylles ut' });
  else if (t.titleNb.trim().length > 120) out.push({ field: 'titleNb', message: 'Tittelen kan ha høyst 120 tegn' });
  if (t.titleEn && t.titleEn.trim().length > 120) out.push({ field: 'titleEn', message: 'Tittelen kan ha høyst 120 tegn' });
  if (!t.textNb.trim()) out.push({ field: 'textNb', message: 'Teksten (bokmål) må fylles ut' });
  if (!(MODERATION_MODES as readonly string[]).includes(t.moderation)) out.push({ field: 'moderation', message: 'Moderering må være «pre» (godkjennes før visning) eller «post» (vises til den fjernes)' });
  return out;
}

export interface CampaignEventInput {
  title: string;
  kind: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  description?: string | null;
}

const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Checks an event; `seatsTaken` (when editing) keeps the capacity from going below what is booked. */
export function validateCampaignEvent(e: CampaignEventInput, seatsTaken = 0): CampaignFieldError[] {
  const out: CampaignFieldError[] = [];
  if (!e.title.trim()) out.push({ field: 'title', message: 'Tittel må fylles ut' });
  if (!(EVENT_KINDS as readonly string[]).includes(e.kind)) out.push({ field: 'kind', message: `Type må være én av: ${EVENT_KINDS.join(', ')}` });
  if (!e.place.trim()) out.push({ field: 'place', message: 'Sted må fylles ut' });
  const start = ISO_LOCAL.test(e.startsAt) ? Date.parse(e.startsAt) : NaN;
  const end = ISO_LOCAL.test(e.endsAt) ? Date.parse(e.endsAt) : NaN;
  if (Number.isNaN(start)) out.push({ field: 'startsAt', message: 'Start må være et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm)' });
  if (Number.isNaN(end)) out.push({ field: 'endsAt', message: 'Slutt må være et tidspunkt (ÅÅÅÅ-MM-DDTtt:mm)' });
  else if (!Number.isNaN(start) && end <= start) out.push({ field: 'endsAt', message: 'Slutt må være etter start' });
  if (!Number.isInteger(e.capacity) || e.capacity < 1 || e.capacity > 10_000) out.push({ field: 'capacity', message: 'Kapasitet må være et helt tall fra 1 til 10 000' });
  else if (e.capacity < seatsTaken) out.push({ field: 'capacity', message: `Kapasiteten kan ikke settes lavere enn de ${seatsTaken} plassene som allerede er tatt` });
  return out;
}

export interface CampaignRegistrationInput {
  name: string;
  email?: string | null;
  seats: number;
}

/** Checks a resident's registration: a name or nickname, an optional e-mail, 1–6 seats. */
export function validateCampaignRegistration(r: CampaignRegistrationInput): CampaignFieldError[] {
  const out: CampaignFieldError[] = [];
  const name = r.name.trim();
  if (!name) out.push({ field: 'name', message: 'Skriv et navn eller kallenavn' });
  else if (name.length > 60) out.push({ field: 'name', message: 'Navnet kan ha høyst 60 tegn' });
  if (r.email && r.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email.trim())) out.push({ field: 'email', message: 'E-postadressen ser ikke riktig ut (eller la feltet stå tomt)' });
  if (!Number.isInteger(r.seats) || r.seats < 1 || r.seats > MAX_SEATS_PER_REGISTRATION) out.push({ field: 'seats', message: `Antall plasser må være fra 1 til ${MAX_SEATS_PER_REGISTRATION}` });
  return out;
}

export interface PostInput {
  displayName: string;
  title?: string | null;
  body: string;
  /** A reply has its thread; a new thread has a title. */
  isReply: boolean;
  acceptedConduct: boolean;
}

/** Checks a post's fields (spam is checked apart, see spamFindings). */
export function validatePost(p: PostInput): CampaignFieldError[] {
  const out: CampaignFieldError[] = [];
  if (!p.acceptedConduct) out.push({ field: 'acceptedConduct', message: 'Du må godta retningslinjene for samtalen før du skriver' });
  const name = p.displayName.trim();
  if (!name) out.push({ field: 'displayName', message: 'Skriv et visningsnavn (kallenavn holder)' });
  else if (name.length > 40) out.push({ field: 'displayName', message: 'Visningsnavnet kan ha høyst 40 tegn' });
  if (!p.isReply) {
    if (!p.title?.trim()) out.push({ field: 'title', message: 'En ny tråd må ha en tittel' });
    else if (p.title.trim().length > 120) out.push({ field: 'title', message: 'Tittelen kan ha høyst 120 tegn' });
  }
  const body = p.body.trim();
  if (body.length < 2) out.push({ field: 'body', message: 'Skriv et innlegg' });
  else if (body.length > 4000) out.push({ field: 'body', message: 'Innlegget kan ha høyst 4000 tegn' });
  return out;
}

/** The status a new post gets under the theme's moderation mode. */
export function initialPostStatus(mode: ModerationMode): PostStatus {
  return mode === 'pre' ? 'pending' : 'visible';
}

/** The status after a moderation action, or null when the action does not apply to the status. */
export function nextPostStatus(current: PostStatus, action: ModerationAction): PostStatus | null {
  switch (action) {
    case 'approve':
      return current === 'pending' ? 'visible' : null;
    case 'hide':
      return current === 'hidden' ? null : 'hidden';
    case 'restore':
      return current === 'hidden' ? 'visible' : null;
    case 'dismiss':
      return current === 'visible' ? 'visible' : null;
  }
}

/** Whether a moderation action needs a written reason (hiding always does, so the log says why). */
export function actionNeedsReason(action: ModerationAction): boolean {
  return action === 'hide';
}

// ---------------------------------------------------------------- statistics over time

export type StatsInterval = 'week' | 'month';

/** The ISO week (e.g. 2026-W05) of a date (YYYY-MM-DD…). */
export function isoWeek(date: string): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period key of a date for the interval: 2026-03 or 2026-W09. */
export function periodOf(date: string, interval: StatsInterval): string {
  return interval === 'month' ? date.slice(0, 7) : isoWeek(date);
}

/** Every period from the first date's to the last's, in order (gaps filled). */
export function periodsBetween(from: string, to: string, interval: StatsInterval): string[] {
  const out: string[] = [];
  if (from > to) return out;
  if (interval === 'month') {
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    const end = to.slice(0, 7);
    while (out.length < 1200) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      if (key > end) break;
      out.push(key);
      m++;
      if (m === 13) {
        m = 1;
        y++;
      }
    }
    return out;
  }
  const t = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const last = isoWeek(to);
  while (out.length < 1200) {
    const key = isoWeek(t.toISOString());
    if (out[out.length - 1] !== key) out.push(key);
    if (key === last) break;
    t.setUTCDate(t.getUTCDate() + 7 - ((t.getUTCDay() + 6) % 7));
  }
  return out;
}

/** The records the statistics are computed from (dates are ISO; only what is counted). */
export interface CampaignActivity {
  /** Active registrations: seats, dated by the event's start (when people take part). */
  registrations: readonly { eventStart: string; seats: number }[];
  /** Posts that are not hidden, with their poster's pseudonymous key. */
  posts: readonly { at: string; posterKey: string }[];
  /** Calculator results shared anonymously (footprint domain). */
  calculatorResults: readonly { at: string }[];
  /** Anonymous pledges (footprint domain). */
  pledges: readonly { at: string }[];
}

export interface CampaignStatsRow {
  period: string;
  eventSeats: number;
  posters: number;
  participants: number;
  posts: number;
  calculatorResults: number;
  pledges: number;
}

/**
 * Figures per period. Participants in a period = seats registered for events that take place in
 * it + distinct thread posters in it (a poster who also comes to an event is counted twice:
 * registrations are anonymous, so the two cannot be matched).
 */
export function campaignStats(a: CampaignActivity, interval: StatsInterval, from: string, to: string): CampaignStatsRow[] {
  const rows = new Map(periodsBetween(from, to, interval).map((p) => [p, { period: p, eventSeats: 0, posters: 0, participants: 0, posts: 0, calculatorResults: 0, pledges: 0 }]));
  const inRange = (d: string) => d.slice(0, 10) >= from && d.slice(0, 10) <= to;
  const at = (d: string) => rows.get(periodOf(d, interval));
  for (const r of a.registrations) if (inRange(r.eventStart)) at(r.eventStart)!.eventSeats += r.seats;
  const posters = new Map<string, Set<string>>();
  for (const p of a.posts) {
    if (!inRange(p.at)) continue;
    at(p.at)!.posts++;
    const key = periodOf(p.at, interval);
    if (!posters.has(key)) posters.set(key, new Set());
    posters.get(key)!.add(p.posterKey);
  }
  for (const [key, set] of posters) rows.get(key)!.posters = set.size;
  for (const r of a.calculatorResults) if (inRange(r.at)) at(r.at)!.calculatorResults++;
  for (const p of a.pledges) if (inRange(p.at)) at(p.at)!.pledges++;
  for (const row of rows.values()) row.participants = row.eventSeats + row.posters;
  return [...rows.values()];
}

/**
 * The program indicator c1-campaign-participants at a date: cumulative seats registered for
 * events that have started by then + distinct thread posters per calendar year, summed over the
 * years up to then + calculator results shared by then. Each part is a count of takings-part, not
 * of unique residents (nothing identifies a person across them).
 */
export function cumulativeParticipants(a: CampaignActivity, asOf: string): { total: number; eventSeats: number; posters: number; calculatorResults: number } {
  const upTo = (d: string) => d.slice(0, 10) <= asOf;
  const eventSeats = a.registrations.filter((r) => upTo(r.eventStart)).reduce((s, r) => s + r.seats, 0);
  const byYear = new Map<string, Set<string>>();
  for (const p of a.posts) {
    if (!upTo(p.at)) continue;
    const y = p.at.slice(0, 4);
    if (!byYear.has(y)) byYear.set(y, new Set());
    byYear.get(y)!.add(p.posterKey);
  }
  const posters = [...byYear.values()].reduce((s, set) => s + set.size, 0);
  const calculatorResults = a.calculatorResults.filter((r) => upTo(r.at)).length;
  return { total: eventSeats + posters + calculatorResults, eventSeats, posters, calculatorResults };
}
