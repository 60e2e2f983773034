// Life-cycle cost (LCC) with the climate cost priced in, as in Norwegian cost-benefit analysis:
//   LCC = P₀ + Σₜ₌₁..T (Dₜ + Eₜ × eₜ + Qₜ × cₜ) / (1 + r)ᵗ − R / (1 + r)ᵀ
// P₀ purchase price, Dₜ operation and maintenance in year t, Eₜ energy use (kWh) at price eₜ (NOK/kWh),
// Qₜ tonnes CO2e at the carbon price cₜ (NOK per tonne) of the calendar year, R residual value at the end
// of year T, r the real discount rate (4 % by default). Every amount in NOK of the same price level.

/** One point of a carbon price path: NOK per tonne CO2e in a calendar year. */
export interface CarbonPricePoint {
  year: number;
  nokPerTonne: number;
}

/** One year of use. */
export interface LccYear {
  operationNok?: number;
  energyKwh?: number;
  energyPriceNok?: number;
  tonnesCo2e?: number;
}

export interface LccInput {
  purchasePriceNok: number;
  /** Year 1 of use; the carbon price of each year is looked up from here. */
  startYear: number;
  years: readonly LccYear[];
  residualValueNok?: number;
  /** Real discount rate as a fraction; 0.04 by default. */
  discountRate?: number;
}

export interface LccResult {
  lccNok: number;
  purchaseNok: number;
  operationNok: number;
  energyNok: number;
  /** Discounted cost of the bid's emissions at the carbon price path. */
  carbonNok: number;
  residualNok: number;
  tonnesCo2e: number;
  discountRate: number;
}

export const DEFAULT_DISCOUNT_RATE = 0.04;

/** The carbon price of a year: the path's value, linear between points, the first/last value outside the path. */
export function carbonPriceFor(path: readonly CarbonPricePoint[], year: number): number {
  if (path.length === 0) return 0;
  const sorted = [...path].sort((a, b) => a.year - b.year);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (year <= first.year) return first.nokPerTonne;
  if (year >= last.year) return last.nokPerTonne;
  for (let i = 1; i < sorted.length; i++) {
    const b = sorted[i]!;
    const a = sorted[i - 1]!;
    if (year <= b.year) return a.nokPerTonne + ((b.nokPerTonne - a.nokPerTonne) * (year - a.year)) / (b.year - a.year);
  }
  return last.nokPerTonne;
}

/** Life-cycle cost by the formula above, with each part discounted so that the parts add up to the total. */
export function lifeCycleCost(input: LccInput, path: readonly CarbonPricePoint[]): LccResult {
  const r = input.discountRate ?? DEFAULT_DISCOUNT_RATE;
  let operation = 0;
  let energy = 0;
  let carbon = 0;
  let tonnes = 0;
  input.years.forEach((y, i) => {
    const t = i + 1;
    const d = Math.pow(1 + r, t);
    operation += (y.operationNok ?? 0) / d;
    energy += ((y.energyKwh ?? 0) * (y.energyPriceNok ?? 0)) / d;
    carbon += ((y.tonnesCo2e ?? 0) * carbonPriceFor(path, input.startYear + i)) / d;
    tonnes += y.tonnesCo2e ?? 0;
  });
  const residual = (input.residualValueNok ?? 0) / Math.pow(1 + r, input.years.length);
  return {
    lccNok: input.purchasePriceNok + operation + energy + carbon - residual,
    purchaseNok: input.purchasePriceNok,
    operationNok: operation,
    energyNok: energy,
    carbonNok: carbon,
    residualNok: residual,
    tonnesCo2e: tonnes,
    discountRate: r,
  };
}

/** Checks an LCC input; Norwegian messages per field. */
export function validateLcc(input: LccInput): { field: string; message: string }[] {
  const bad: { field: string; message: string }[] = [];
  if (!Number.isFinite(input.purchasePriceNok) || input.purchasePriceNok < 0) bad.push({ field: 'purchasePriceNok', message: 'Innkjøpsprisen må være 0 kr eller mer.' });
  if (!Number.isInteger(input.startYear) || input.startYear < 1990 || input.startYear > 2100) bad.push({ field: 'startYear', message: 'Første bruksår må være et årstall.' });
  if (input.years.length > 60) bad.push({ field: 'years', message: 'Levetiden kan være høyst 60 år.' });
  const r = input.discountRate ?? DEFAULT_DISCOUNT_RATE;
  if (!Number.isFinite(r) || r <= -1 || r > 0.5) bad.push({ field: 'discountRate', message: 'Diskonteringsrenten må være en brøk, f.eks. 0,04 for 4 %.' });
  input.years.forEach((y, i) => {
    for (const k of ['operationNok', 'energyKwh', 'energyPriceNok', 'tonnesCo2e'] as const) {
      const v = y[k];
      if (v !== undefined && (!Number.isFinite(v) || v < 0)) bad.push({ field: `years[${i}].${k}`, message: `År ${i + 1}: verdien må være 0 eller mer.` });
    }
  });
  return bad;
}
