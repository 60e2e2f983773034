/** Where in the kitchen food was wasted (admins may add more; these are the defaults). */
export const DEFAULT_STAGES = ['storage', 'preparation', 'serving', 'plate'] as const;
/** Food categories for registrations. */
export const DEFAULT_CATEGORIES = ['bread', 'fruit_veg', 'dairy', 'meat_fish', 'dinner', 'dessert', 'other'] as const;
/** Why the food was wasted. */
export const DEFAULT_REASONS = ['overproduction', 'expiry', 'trimming', 'quality', 'other'] as const;
/** What the wasted food went to. */
export const DEFAULT_DESTINATIONS = ['redistribution', 'animal_feed', 'biogas', 'residual'] as const;
/** What a kitchen reports as its activity, to normalise the waste by. */
export const ACTIVITY_KINDS = ['portions', 'guest_nights', 'food_purchases_nok', 'resident_days'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The lists a registration is checked against; data, so that an admin can add entries. */
export interface FoodwasteLists {
  stages: readonly string[];
  categories: readonly string[];
  reasons: readonly string[];
  destinations: readonly string[];
}

/** The built-in lists. */
export const DEFAULT_LISTS: FoodwasteLists = {
  stages: DEFAULT_STAGES,
  categories: DEFAULT_CATEGORIES,
  reasons: DEFAULT_REASONS,
  destinations: DEFAULT_DESTINATIONS,
};

/** Norwegian labels of the built-in entries, for error messages and exports. */
export const LIST_LABELS_NB: Record<string, string> = {
  storage: 'lager',
  preparation: 'tilberedning',
  serving: 'servering/buffet',
  plate: 'tallerkenrester',
  bread: 'brød og bakevarer',
  fruit_veg: 'frukt og grønt',
  dairy: 'meieri',
  meat_fish: 'kjøtt og fisk',
  dinner: 'middagsretter',
  dessert: 'dessert',
  other: 'annet',
  overproduction: 'overproduksjon',
  expiry: 'utløpt dato',
  trimming: 'avskjær',
  quality: 'kvalitet',
  redistribution: 'videreformidling',
  animal_feed: 'dyrefôr',
  biogas: 'biogass',
  residual: 'restavfall',
};

/** The lists an admin may add entries to. */
export const LIST_NAMES = ['stages', 'categories', 'reasons', 'destinations'] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** An entry a municipality added to one of the lists (the built-in entries are never stored). */
export interface ListItem {
  list: ListName;
  key: string;
  labelNb: string;
  labelEn: string;
  active: boolean;
}

/**
 * The lists a municipality registers against: the built-in entries, then its own active entries
 * in the order they were added. An inactive entry is refused for new registrations, while the
 * registrations that already use it keep it.
 */
export function mergeLists(base: FoodwasteLists, items: readonly ListItem[]): FoodwasteLists {
  const out = { ...base };
  for (const name of LIST_NAMES) {
    const own = items.filter((i) => i.list === name && i.active && !base[name].includes(i.key)).map((i) => i.key);
    out[name] = [...base[name], ...own];
  }
  return out;
}

/** The Norwegian label of a list entry: the municipality's own, then the built-in one, else the key. */
export function listLabelNb(key: string, items: readonly ListItem[] = []): string {
  return items.find((i) => i.key === key)?.labelNb ?? LIST_LABELS_NB[key] ?? key;
}

/** A key from a Norwegian label: lower case, æ/ø/å spelt out, anything else an underscore ("Rester fra kantine" → "rester_fra_kantine"). */
export function listKeyFromLabel(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

const LIST_NAME_NB: Record<ListName, string> = { stages: 'ledd', categories: 'kategori', reasons: 'årsak', destinations: 'mottak' };

/**
 * Checks a new list entry against the list as it stands (built-in and own entries, active or
 * not): a known list, a Norwegian label of 2–60 characters, an English label of at most 60, and
 * neither a key nor a label that the list already has. Returns every problem, in Norwegian.
 */
export function validateListItem(input: { list: string; labelNb: string; labelEn?: string }, existing: readonly ListItem[]): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!(LIST_NAMES as readonly string[]).includes(input.list)) return [{ field: 'list', message: `Ukjent liste «${input.list}»; velg ${LIST_NAMES.join(', ')}` }];
  const list = input.list as ListName;
  const label = input.labelNb.trim();
  const key = listKeyFromLabel(label);
  if (label.length < 2 || label.length > 60) issues.push({ field: 'labelNb', message: 'Skriv et norsk navn på 2–60 tegn' });
  else if (key.length < 2) issues.push({ field: 'labelNb', message: 'Navnet må ha minst to bokstaver eller tall' });
  if ((input.labelEn ?? '').trim().length > 60) issues.push({ field: 'labelEn', message: 'Det engelske navnet kan ha høyst 60 tegn' });
  if (issues.length) return issues;
  const same = (a: string) => a.trim().toLowerCase() === label.toLowerCase();
  const builtIn = DEFAULT_LISTS[list];
  const own = existing.filter((i) => i.list === list);
  if (builtIn.includes(key) || builtIn.some((k) => same(LIST_LABELS_NB[k] ?? k)) || own.some((i) => i.key === key || same(i.labelNb))) {
    issues.push({ field: 'labelNb', message: `Listen over ${LIST_NAME_NB[list]} har allerede «${label}»` });
  }
  return issues;
}
