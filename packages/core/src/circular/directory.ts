// The public directory of reuse, second-hand, repair and rental places (program point B2):
// kinds, what they take or fix, structured opening hours and "open now".

/** What a place is. */
export const PLACE_KINDS = ['repair_shop', 'second_hand', 'rental', 'repair_cafe', 'library_of_things', 'reuse_centre', 'swap'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** What a place takes, sells, lends or fixes: a fixed list, so that residents can filter by it. */
export const PLACE_CATEGORIES = ['bicycles', 'electric_bikes', 'clothes', 'shoes', 'furniture', 'electronics', 'appliances', 'toys', 'sports', 'books', 'tools', 'household'] as const;
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday: zero or more [opens, closes] pairs in "HH:MM" local time; a missing day is closed. */
export type OpeningHours = Partial<Record<Weekday, [string, string][]>>;

export const KIND_NB: Record<PlaceKind, string> = { repair_shop: 'reparasjonsverksted', second_hand: 'bruktbutikk', rental: 'utleie', repair_cafe: 'reparasjonskafé', library_of_things: 'utstyrsbibliotek', reuse_centre: 'ombrukssenter', swap: 'byttering' };
export const CATEGORY_NB: Record<PlaceCategory, string> = { bicycles: 'sykler', electric_bikes: 'elsykler', clothes: 'klær', shoes: 'sko', furniture: 'møbler', electronics: 'elektronikk', appliances: 'hvitevarer', toys: 'leker', sports: 'sportsutstyr', books: 'bøker', tools: 'verktøy', household: 'husholdningsartikler' };
export const WEEKDAY_NB: Record<Weekday, string> = { mon: 'mandag', tue: 'tirsdag', wed: 'onsdag', thu: 'torsdag', fri: 'fredag', sat: 'lørdag', sun: 'søndag' };

export interface DirectoryIssue {
  field: string;
  message: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Checks opening hours: known weekdays, "HH:MM" times, each interval opening before it closes, no overlaps. */
export function validateOpeningHours(h: unknown): DirectoryIssue[] {
  if (h === null || h === undefined) return [];
  if (typeof h !== 'object' || Array.isArray(h)) return [{ field: 'openingHours', message: 'Åpningstidene må oppgis per ukedag' }];
  const out: DirectoryIssue[] = [];
  for (const [day, intervals] of Object.entries(h as Record<string, unknown>)) {
    const f = `openingHours.${day}`;
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      out.push({ field: f, message: `Ukjent ukedag: ${day}` });
      continue;
    }
    if (!Array.isArray(intervals)) {
      out.push({ field: f, message: `${cap(WEEKDAY_NB[day as Weekday])}: åpningstidene må være en liste med fra–til` });
      continue;
    }
    const sorted: [string, string][] = [];
    for (const iv of intervals as unknown[]) {
      if (!Array.isArray(iv) || iv.length !== 2 || !HHMM.test(String(iv[0])) || !HHMM.test(String(iv[1]))) {
        out.push({ field: f, message: `${cap(WEEKDAY_NB[day as Weekday])}: skriv tidene som TT:MM, for eksempel 10:00–17:00` });
        continue;
      }
      if (String(iv[0]) >= String(iv[1])) out.push({ field: f, message: `${cap(WEEKDAY_NB[day as Weekday])}: åpner ${iv[0]} må være før stenger ${iv[1]}` });
      else sorted.push([String(iv[0]), String(iv[1])]);
    }
    sorted.sort((a, b) => a[0].localeCompare(b[0]));
    for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) out.push({ field: f, message: `${cap(WEEKDAY_NB[day as Weekday])}: tidsrommene overlapper` });
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Weekday and "HH:MM" of an instant in a time zone (the places keep local opening hours). */
export function localTime(at: Date, timeZone = 'Europe/Oslo'): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { day: get('weekday').slice(0, 3).toLowerCase() as Weekday, time: `${get('hour')}:${get('minute')}` };
}

/** Whether a place with these opening hours is open at an instant (opens inclusive, closes exclusive). */
export function isOpenAt(hours: OpeningHours | null, at: Date, timeZone = 'Europe/Oslo'): boolean {
  if (!hours) return false;
  const { day, time } = localTime(at, timeZone);
  return (hours[day] ?? []).some(([from, to]) => time >= from && time < to);
}

export interface DirectoryPlaceInput {
  name: string;
  kind: string;
  address?: string | null;
  lat?: number | null;
  lon?: number | null;
  categories: string[];
  openingHours?: unknown;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Checks a directory entry; every problem names its field, in Norwegian. */
export function validateDirectoryPlace(p: DirectoryPlaceInput): DirectoryIssue[] {
  const out: DirectoryIssue[] = [];
  if (!p.name.trim()) out.push({ field: 'name', message: 'Skriv navnet på stedet' });
  if (!(PLACE_KINDS as readonly string[]).includes(p.kind)) out.push({ field: 'kind', message: `Ukjent type: ${p.kind}` });
  if (!p.categories.length) out.push({ field: 'categories', message: 'Velg minst én kategori (hva stedet tar imot, selger, låner ut eller reparerer)' });
  const bad = p.categories.filter((c) => !(PLACE_CATEGORIES as readonly string[]).includes(c));
  if (bad.length) out.push({ field: 'categories', message: `Ukjent kategori: ${bad.join(', ')}` });
  const noLat = p.lat === null || p.lat === undefined;
  const noLon = p.lon === null || p.lon === undefined;
  if (noLat !== noLon) out.push({ field: noLat ? 'lat' : 'lon', message: 'Oppgi både breddegrad og lengdegrad, eller ingen av dem' });
  if (!noLat && !(Number.isFinite(p.lat) && Math.abs(p.lat!) <= 90)) out.push({ field: 'lat', message: 'Breddegraden må være et tall mellom −90 og 90' });
  if (!noLon && !(Number.isFinite(p.lon) && Math.abs(p.lon!) <= 180)) out.push({ field: 'lon', message: 'Lengdegraden må være et tall mellom −180 og 180' });
  if (p.website && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(p.website)) out.push({ field: 'website', message: 'Nettadressen må begynne med https:// eller http://' });
  if (p.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.email)) out.push({ field: 'email', message: 'Ugyldig e-postadresse' });
  if (p.phone && !/^\+?[\d\s-]{5,20}$/.test(p.phone)) out.push({ field: 'phone', message: 'Telefonnummeret kan bare ha sifre, mellomrom, bindestrek og +' });
  out.push(...validateOpeningHours(p.openingHours));
  return out;
}
