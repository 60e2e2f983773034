// Deliveries from farms to the local market (program point B5). Pure: no I/O, no clock.
import type { FarmIssue } from './farming.js';

/** A sales channel or a product group from the reference data. */
export interface Channel {
  key: string;
  nb: string;
  en: string;
}
export interface ProductGroup {
  key: string;
  nb: string;
  en: string;
  /** Vegetables, fruit and berries (and potatoes): the produce the B5 indicator counts farms for. */
  horticulture: boolean;
}

/** A delivery as reported: a year, or one month of it. Value in øre. */
export interface Delivery {
  farmId: string;
  year: number;
  /** 1–12, or null when the figure covers the whole year. */
  month: number | null;
  channelKey: string;
  productKey: string;
  kg: number;
  valueOre: number;
}

/** Above this a typing error is more likely than a delivery (one farm, one line). */
export const MAX_DELIVERY_KG = 5_000_000;

/** Checks one delivery line; `today` (yyyy-mm-dd) stops periods that have not begun. */
export function validateDelivery(d: Omit<Delivery, 'farmId'>, channels: readonly Channel[], products: readonly ProductGroup[], today: string): FarmIssue[] {
  const issues: FarmIssue[] = [];
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  if (!Number.isInteger(d.year) || d.year < 2000 || d.year > thisYear) issues.push({ field: 'year', message: `Året må være mellom 2000 og ${thisYear}` });
  if (d.month !== null && (!Number.isInteger(d.month) || d.month < 1 || d.month > 12)) issues.push({ field: 'month', message: 'Måneden må være 1–12, eller tom for hele året' });
  else if (d.month !== null && d.year === thisYear && d.month > thisMonth) issues.push({ field: 'month', message: 'Perioden har ikke begynt ennå' });
  if (!channels.some((c) => c.key === d.channelKey)) issues.push({ field: 'channel', message: `Ukjent salgskanal «${d.channelKey}»` });
  if (!products.some((p) => p.key === d.productKey)) issues.push({ field: 'product', message: `Ukjent varegruppe «${d.productKey}»` });
  if (!Number.isFinite(d.kg) || d.kg <= 0) issues.push({ field: 'kg', message: 'Mengden må være større enn 0 kg' });
  else if (d.kg > MAX_DELIVERY_KG) issues.push({ field: 'kg', message: 'Mengden er urimelig stor for én linje' });
  if (!Number.isInteger(d.valueOre) || d.valueOre < 0) issues.push({ field: 'valueNok', message: 'Verdien må være 0 kroner eller mer' });
  return issues;
}

export interface DeliveryTotals {
  kg: number;
  valueOre: number;
}
export interface DeliveryYear extends DeliveryTotals {
  year: number;
  byChannel: Record<string, DeliveryTotals>;
  byProduct: Record<string, DeliveryTotals>;
  /** Farms with any delivery that year. */
  farms: number;
  /** Farms delivering vegetables, fruit, berries or potatoes that year. */
  horticultureFarms: number;
}

const add = (m: Record<string, DeliveryTotals>, k: string, d: Delivery) => {
  const t = (m[k] ??= { kg: 0, valueOre: 0 });
  t.kg += d.kg;
  t.valueOre += d.valueOre;
};

/** Deliveries summed by year, channel and product group, with the number of farms delivering. */
export function deliveriesByYear(deliveries: readonly Delivery[], years: readonly number[], products: readonly ProductGroup[]): DeliveryYear[] {
  const horti = new Set(products.filter((p) => p.horticulture).map((p) => p.key));
  return years.map((year) => {
    const out: DeliveryYear = { year, kg: 0, valueOre: 0, byChannel: {}, byProduct: {}, farms: 0, horticultureFarms: 0 };
    const farms = new Set<string>();
    const hFarms = new Set<string>();
    for (const d of deliveries) {
      if (d.year !== year) continue;
      out.kg += d.kg;
      out.valueOre += d.valueOre;
      add(out.byChannel, d.channelKey, d);
      add(out.byProduct, d.productKey, d);
      farms.add(d.farmId);
      if (horti.has(d.productKey)) hFarms.add(d.farmId);
    }
    out.farms = farms.size;
    out.horticultureFarms = hFarms.size;
    return out;
  });
}

/** A period as people write it: "2025" (the year) or "2025-06" / "06.2025" (a month). Null when unreadable. */
export function parsePeriod(s: string): { year: number; month: number | null } | null {
  const t = s.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { year: Number(m[1]), month: null };
  m = /^(\d{4})-(\d{1,2})$/.exec(t) ?? null;
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  return null;
}

/** A period for display and export: "2025" or "2025-06". */
export const formatPeriod = (year: number, month: number | null) => (month === null ? String(year) : `${year}-${String(month).padStart(2, '0')}`);
