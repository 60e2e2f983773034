// The internal reuse marketplace (program point B2): municipal units post surplus furniture and
// equipment, other units reserve and collect it, and what is reused is counted in items, kg,
// NOK saved against new purchase and kg CO2e avoided, with factors per category as sourced data.

export const ITEM_CONDITIONS = ['as_new', 'good', 'worn', 'needs_repair'] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

/** available → reserved (nothing left) → collected (everything picked up); withdrawn by the giver while available. */
export const ITEM_STATES = ['available', 'reserved', 'collected', 'withdrawn'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const RESERVATION_STATES = ['reserved', 'collected', 'cancelled'] as const;
export type ReservationState = (typeof RESERVATION_STATES)[number];

export const CONDITION_NB: Record<ItemCondition, string> = { as_new: 'som ny', good: 'god', worn: 'brukt, med slitasje', needs_repair: 'trenger reparasjon' };
export const ITEM_STATE_NB: Record<ItemState, string> = { available: 'ledig', reserved: 'reservert', collected: 'hentet', withdrawn: 'trukket tilbake' };

/** The factors of one category: mass, price of a new one and emissions of making a new one. */
export interface ReuseFactor {
  category: string;
  kgPerItem: number;
  newPriceNok: number;
  co2ePerItemKg: number;
}

/** What reusing some items saved. */
export interface ReuseImpact {
  items: number;
  kg: number;
  nokSaved: number;
  co2eKg: number;
}

export const ZERO_IMPACT: ReuseImpact = { items: 0, kg: 0, nokSaved: 0, co2eKg: 0 };

/**
 * Savings of reusing `quantity` items of a category instead of buying new: items, kg (quantity ×
 * kg per item), NOK (quantity × new price − the cost of repair and transport, never below 0) and
 * kg CO2e avoided (quantity × CO2e of making a new one).
 */
export function reuseImpact(f: ReuseFactor, quantity: number, costNok = 0): ReuseImpact {
  const q = Math.max(0, quantity);
  return { items: q, kg: q * f.kgPerItem, nokSaved: Math.max(0, q * f.newPriceNok - Math.max(0, costNok)), co2eKg: q * f.co2ePerItemKg };
}

/** The sum of several impacts. */
export function addImpacts(list: readonly ReuseImpact[]): ReuseImpact {
  return list.reduce((s, x) => ({ items: s.items + x.items, kg: s.kg + x.kg, nokSaved: s.nokSaved + x.nokSaved, co2eKg: s.co2eKg + x.co2eKg }), ZERO_IMPACT);
}

export interface ItemInput {
  title: string;
  category: string;
  condition: string;
  quantity: number;
  location: string;
  availableFrom: string;
  costNok?: number | null;
}

export interface MarketIssue {
  field: string;
  message: string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Checks a surplus item before it is posted; every problem names its field, in Norwegian. */
export function validateItem(i: ItemInput, categories: readonly string[], maxQuantity = 1000): MarketIssue[] {
  const out: MarketIssue[] = [];
  if (!i.title.trim()) out.push({ field: 'title', message: 'Skriv hva som gis bort, for eksempel «Kontorstol, grå»' });
  if (!categories.includes(i.category)) out.push({ field: 'category', message: `Ukjent kategori: ${i.category}` });
  if (!(ITEM_CONDITIONS as readonly string[]).includes(i.condition)) out.push({ field: 'condition', message: `Ukjent tilstand: ${i.condition}` });
  if (!(Number.isInteger(i.quantity) && i.quantity >= 1 && i.quantity <= maxQuantity)) out.push({ field: 'quantity', message: `Antallet må være et helt tall fra 1 til ${maxQuantity}` });
  if (!i.location.trim()) out.push({ field: 'location', message: 'Skriv hvor gjenstanden kan hentes' });
  if (!isDate(i.availableFrom)) out.push({ field: 'availableFrom', message: 'Ugyldig dato for når gjenstanden kan hentes (åååå-mm-dd)' });
  if (i.costNok !== null && i.costNok !== undefined && !(Number.isFinite(i.costNok) && i.costNok >= 0)) out.push({ field: 'costNok', message: 'Kostnaden til reparasjon og transport må være 0 kr eller mer' });
  return out;
}

/** Checks how many a unit asks to reserve against how many are left. */
export function validateReservation(quantity: number, left: number): MarketIssue[] {
  if (!(Number.isInteger(quantity) && quantity >= 1)) return [{ field: 'quantity', message: 'Antallet må være et helt tall, minst 1' }];
  if (quantity > left) return [{ field: 'quantity', message: left === 0 ? 'Det er ingen igjen å reservere' : `Bare ${left} er ledige` }];
  return [];
}

/** The message for a reservation that lost to another (or came too late), in Norwegian. */
export function reservationRefused(state: ItemState, left: number): string {
  if (state === 'withdrawn') return 'Gjenstanden er trukket tilbake av enheten som ga den bort';
  if (state === 'available' && left > 0) return `Bare ${left} er ledige nå; en annen enhet reserverte samtidig. Prøv igjen med færre.`;
  return 'Gjenstanden er allerede reservert av en annen enhet';
}
