// Emission factors as data with provenance, converted to kg CO2e per NOK of the reporting year,
// and the rule for which ledger lines are purchases at all.

/** A factor set's provenance (DESIGN.md: every factor knows its data set, year, currency, price basis and licence). */
export interface FactorSetInfo {
  key: string;
  name: string;
  source: string;
  year: number;
  currency: string;
  priceBasis: 'basic' | 'purchaser';
  licence: string;
  url: string | null;
}

/** One factor of a set, in kg CO2e per unit of the set's currency and year. */
export interface FactorRow {
  category: string;
  label: string;
  sourceCategory: string;
  value: number;
}

/** Exchange rates and a price index that bring a set's currency and year to NOK of a reporting year. */
export interface Conversion {
  rates: Record<string, { year: number; nokPerUnit: number; source: string }>;
  priceIndex: { name: string; source: string; values: Record<string, number> };
}

/**
 * kg CO2e per NOK in `year` from kg CO2e per unit of `currency` in `baseYear`:
 * value ÷ (NOK per unit in the base year) ÷ (price index of year ÷ price index of base year).
 * Years past the index's last year use the last index value. Throws if the currency or base year is unknown.
 */
export function factorPerNok(value: number, currency: string, baseYear: number, year: number, conv: Conversion): number {
  const rate = conv.rates[currency];
  if (!rate) throw new Error(`no exchange rate for ${currency}`);
  const idx = conv.priceIndex.values;
  const base = idx[String(baseYear)];
  if (base === undefined) throw new Error(`no price index for ${baseYear}`);
  const years = Object.keys(idx).map(Number).sort((a, b) => a - b);
  const y = Math.min(Math.max(year, years[0]!), years.at(-1)!);
  return value / rate.nokPerUnit / (idx[String(y)]! / base);
}

/** The price-index year actually used for a reporting year (the last available one when the year is newer). */
export function priceIndexYear(year: number, conv: Conversion): number {
  const years = Object.keys(conv.priceIndex.values).map(Number).sort((a, b) => a - b);
  return Math.min(Math.max(year, years[0]!), years.at(-1)!);
}

/** Rule for implausible factors: more than ten times the median of its own set. */
export const IMPLAUSIBLE_RULE_TEXT = 'Faktorer over ti ganger medianen i sitt eget sett flagges og brukes ikke før noen har bekreftet eller erstattet dem.';

/** Categories whose factor breaks the implausibility rule (value > 10 × the set's median). */
export function implausibleFactors(rows: readonly FactorRow[]): Set<string> {
  const sorted = rows.map((r) => r.value).sort((a, b) => a - b);
  if (!sorted.length) return new Set();
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return new Set(rows.filter((r) => r.value > 10 * median || !(r.value >= 0)).map((r) => r.category));
}

/** Why a line is not a purchase. */
export type ExclusionReason = 'wages' | 'internal' | 'assets' | 'transfers' | 'financial' | 'income';

export const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  wages: 'Lønn, pensjon og arbeidsgiveravgift (art 010–099) er ikke kjøp.',
  internal: 'Internkjøp (art 290) er motpost til internsalg og ville telle samme kjøp to ganger.',
  assets: 'Grunnerverv og kjøp av eksisterende bygg (art 280, 285) flytter eierskap uten ny produksjon.',
  transfers: 'Overføringer (art 400–499: tilskudd, mva, overføringer til staten og andre) er ikke kjøp av varer eller tjenester.',
  financial: 'Finansposter (art 500–599: renter, avdrag, utlån, avsetninger) er ikke kjøp.',
  income: 'Inntekter (art 600–999) er ikke kjøp.',
};

/** The documented exclusion rule by KOSTRA art (three-digit code); null for purchases. */
export function exclusionOf(art: number): ExclusionReason | null {
  if (art < 100) return 'wages';
  if (art === 290) return 'internal';
  if (art === 280 || art === 285) return 'assets';
  if (art >= 400 && art < 500) return 'transfers';
  if (art >= 500 && art < 600) return 'financial';
  if (art >= 600) return 'income';
  return null;
}

/** One row of the art → category mapping, with its written rationale. */
export interface ArtMapping {
  art: string;
  /** Optional: a row for one funksjon overrides the art's general row. */
  funksjon: string | null;
  name: string;
  category: string;
  rationale: string;
}

/** A municipality's decision on a flagged factor: confirmed as it is, or replaced by another value. */
export interface FactorDecision {
  setKey: string;
  category: string;
  value: number | null;
  note: string;
}

/** A supplier-specific factor from the supplier's own climate report. */
export interface SupplierFactor {
  orgnr: string;
  year: number;
  kgPerNok: number;
  source: string;
}

/** What the emission of one line was computed from: a supplier's own factor, physical energy use (kWh), a spend-based average, or nothing. */
export type DataKind = 'supplier' | 'physical' | 'average' | 'not_computed';

/**
 * KOSTRA arts whose spend is energy bought for buildings and plants (180 Energi: electricity,
 * district heating, fuel oil for heating). Where a unit reports its physical energy use (kWh)
 * for a year, those kWh × a kWh factor replace the spend-based figure of these arts.
 */
export const ENERGY_ARTS: readonly number[] = [180];

/** An emission factor per kWh of one energy carrier, with its source. */
export interface EnergyFactor {
  carrier: string;
  label: string;
  kgPerKwh: number;
  year: number;
  source: string;
}

/** Energy used by the units behind one ansvar code in one year. */
export interface EnergyUse {
  ansvar: string;
  year: number;
  carrier: string;
  kwh: number;
}

/**
 * kg CO2e per ansvar for one year from physical energy use: kWh × the carrier's factor of the
 * nearest year at or before `year` (else the earliest). Carriers without a factor are skipped
 * (the import refuses them).
 */
export function physicalEnergyKg(uses: readonly EnergyUse[], factors: readonly EnergyFactor[], year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of uses) {
    if (u.year !== year) continue;
    const f = energyFactorFor(factors, u.carrier, year);
    if (!f) continue;
    out.set(u.ansvar, (out.get(u.ansvar) ?? 0) + u.kwh * f.kgPerKwh);
  }
  return out;
}

/** The factor of a carrier for a year: the latest at or before the year, else the earliest one. */
export function energyFactorFor(factors: readonly EnergyFactor[], carrier: string, year: number): EnergyFactor | null {
  let best: EnergyFactor | null = null;
  for (const f of factors) {
    if (f.carrier !== carrier) continue;
    if (!best) best = f;
    else if (f.year <= year && (best.year > year || f.year > best.year)) best = f;
    else if (best.year > year && f.year < best.year) best = f;
  }
  return best;
}

/** Everything needed to turn spend into emissions for one reporting year. */
export interface EmissionModel {
  year: number;
  set: FactorSetInfo;
  /** kg CO2e per NOK by three-digit art (NaN: not computed — unmapped, or a flagged factor nobody confirmed). */
  perNokByArt: Float64Array;
  /** Category by art and funksjon, for display (art*1000+funksjon) overriding the art (art). */
  categoryByArt: Map<number, string>;
  /** Overrides for one art and funksjon: key art*1000+funksjon. */
  perNokByArtFunksjon: Map<number, number>;
  flagged: Set<string>;
  supplier: Map<string, SupplierFactor>;
}

/** Builds the model: mapping × factor set (converted to NOK of `year`), decisions on flagged factors, supplier factors of the nearest earlier year. */
export function emissionModel(input: {
  year: number;
  set: FactorSetInfo;
  factors: readonly FactorRow[];
  conversion: Conversion;
  mapping: readonly ArtMapping[];
  decisions?: readonly FactorDecision[];
  supplierFactors?: readonly SupplierFactor[];
}): EmissionModel {
  const { year, set, conversion } = input;
  const flagged = implausibleFactors(input.factors);
  const decided = new Map((input.decisions ?? []).filter((d) => d.setKey === set.key).map((d) => [d.category, d]));
  const perCategory = new Map<string, number>();
  for (const f of input.factors) {
    let v = f.value;
    if (flagged.has(f.category)) {
      const d = decided.get(f.category);
      if (!d) continue;
      if (d.value !== null) v = d.value;
    }
    perCategory.set(f.category, factorPerNok(v, set.currency, set.year, year, conversion));
  }
  const perNokByArt = new Float64Array(1000).fill(NaN);
  const categoryByArt = new Map<number, string>();
  const perNokByArtFunksjon = new Map<number, number>();
  for (const m of input.mapping) {
    const art = Number(m.art);
    const v = perCategory.get(m.category) ?? NaN;
    if (m.funksjon) {
      perNokByArtFunksjon.set(art * 1000 + Number(m.funksjon), v);
      categoryByArt.set(art * 1000 + Number(m.funksjon), m.category);
    } else {
      perNokByArt[art] = v;
      categoryByArt.set(art, m.category);
    }
  }
  // The newest supplier figure not newer than the year (or the oldest one when all are newer).
  const supplier = new Map<string, SupplierFactor>();
  for (const s of [...(input.supplierFactors ?? [])].sort((a, b) => a.year - b.year)) {
    const cur = supplier.get(s.orgnr);
    if (!cur || s.year <= year) supplier.set(s.orgnr, s);
  }
  return { year, set, perNokByArt, categoryByArt, perNokByArtFunksjon, flagged, supplier };
}

/** kg CO2e for a spend (øre) on an art/funksjon with a supplier; kind tells which data it came from. */
export function emissionOf(model: EmissionModel, art: number, funksjon: number, orgnr: string | null, ore: number): { kg: number; kind: DataKind } {
  if (orgnr) {
    const s = model.supplier.get(orgnr);
    if (s) return { kg: (ore / 100) * s.kgPerNok, kind: 'supplier' };
  }
  const f = model.perNokByArtFunksjon.get(art * 1000 + funksjon) ?? model.perNokByArt[art]!;
  if (Number.isNaN(f)) return { kg: 0, kind: 'not_computed' };
  return { kg: (ore / 100) * f, kind: 'average' };
}
