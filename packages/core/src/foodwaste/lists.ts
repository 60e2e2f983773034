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
