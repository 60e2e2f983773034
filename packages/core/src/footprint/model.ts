import { factor, kgPerNok, FOOTPRINT_CATEGORIES, type FootprintCategory } from './factors.js';
import { FOOTPRINT_QUESTIONS, QUESTION_BY_ID, type FootprintQuestion } from './questions.js';

// The footprint model: plain arithmetic over the answers and the factor table, so one person is
// evaluated in microseconds, in the browser as in the CLI, with every line traceable to a factor.

/** Answers by question id; a missing answer means the default (the average resident). */
export type FootprintAnswers = Record<string, number | string>;

export interface FootprintLine {
  /** The question (or `public.share`) the line comes from. */
  id: string;
  category: FootprintCategory;
  kg: number;
  /** The factors used for this line. */
  factors: string[];
}

export interface FootprintResult {
  totalKg: number;
  categories: Record<FootprintCategory, number>;
  lines: FootprintLine[];
  /** Earths if everyone lived like this: total / average × Norway's published Earths figure. */
  earths: number;
  averageKg: number;
  /** Half of the average: the program's target. */
  halfKg: number;
  /** The household part (everything but public services), compared with the 1.5-degree level. */
  lifestyleKg: number;
  onePointFiveKg: number;
}

export interface AnswerError {
  field: string;
  message: string;
}

const num = (a: FootprintAnswers, id: string): number => {
  const v = a[id];
  return typeof v === 'number' ? v : (QUESTION_BY_ID.get(id)!.default as number);
};
const choice = (a: FootprintAnswers, id: string): string => {
  const v = a[id];
  return typeof v === 'string' ? v : (QUESTION_BY_ID.get(id)!.default as string);
};
const optionFactor = (id: string, value: string): string => {
  const q = QUESTION_BY_ID.get(id)!;
  if (q.kind !== 'choice') throw new Error(`${id} is not a choice`);
  return (q.options.find((o) => o.value === value) ?? q.options.find((o) => o.value === q.default)!).factor;
};

const SPEND_LINES: [string, FootprintCategory, string][] = [
  ['housing.maintenance_nok', 'housing', 'maintenance_kg_per_eur'],
  ['goods.clothing_nok', 'goods', 'clothing_kg_per_eur'],
  ['goods.furnishings_nok', 'goods', 'furnishings_kg_per_eur'],
  ['goods.electronics_nok', 'goods', 'electronics_kg_per_eur'],
  ['goods.leisure_nok', 'goods', 'leisure_goods_kg_per_eur'],
  ['services.restaurants_nok', 'services', 'restaurants_kg_per_eur'],
  ['services.recreation_nok', 'services', 'recreation_services_kg_per_eur'],
  ['services.other_nok', 'services', 'other_services_kg_per_eur'],
];
const FLIGHT_LINES: [string, string][] = [
  ['transport.flights_domestic', 'flight_domestic_kg_per_trip'],
  ['transport.flights_europe', 'flight_europe_kg_per_trip'],
  ['transport.flights_long', 'flight_long_kg_per_trip'],
];

/** The public services share per person: government consumption per resident × its factor. */
export function publicShareKg(): number {
  return factor('public_spending_nok') * kgPerNok(factor('public_kg_per_eur'));
}

function lines(a: FootprintAnswers): FootprintLine[] {
  const out: FootprintLine[] = [];
  // Housing energy: the home's area × energy per m², shared by its residents.
  const heating = choice(a, 'housing.heating');
  const kwh = (num(a, 'housing.area_m2') * factor('heated_kwh_per_m2') * (heating === 'heat_pump' ? factor('heat_pump_energy_share') : 1)) / num(a, 'housing.people');
  const heatFactor = optionFactor('housing.heating', heating);
  // Light, appliances and hot water are electric whatever heats the home.
  const electricKwh = heatFactor === 'electricity_kg_per_kwh' ? kwh : kwh * factor('appliance_electric_share');
  const heatKwh = kwh - electricKwh;
  out.push({ id: 'housing.heating', category: 'housing', kg: electricKwh * factor('electricity_kg_per_kwh') + heatKwh * factor(heatFactor), factors: ['heated_kwh_per_m2', 'electricity_kg_per_kwh', ...(heatFactor === 'electricity_kg_per_kwh' ? [] : [heatFactor, 'appliance_electric_share']), ...(heating === 'heat_pump' ? ['heat_pump_energy_share'] : [])] });
  // Transport.
  const carFactor = optionFactor('transport.car_type', choice(a, 'transport.car_type'));
  out.push({ id: 'transport.car_km', category: 'transport', kg: num(a, 'transport.car_km') * factor(carFactor), factors: [carFactor] });
  out.push({ id: 'transport.public_km', category: 'transport', kg: num(a, 'transport.public_km') * factor('public_transport_kg_per_pkm'), factors: ['public_transport_kg_per_pkm'] });
  for (const [id, f] of FLIGHT_LINES) out.push({ id, category: 'transport', kg: num(a, id) * factor(f), factors: [f] });
  // Food.
  const dietFactor = optionFactor('food.diet', choice(a, 'food.diet'));
  out.push({ id: 'food.diet', category: 'food', kg: factor(dietFactor), factors: [dietFactor] });
  // Goods and services by spending.
  for (const [id, category, f] of SPEND_LINES) out.push({ id, category, kg: num(a, id) * kgPerNok(factor(f)), factors: [f, 'nok_per_eur_2011', 'price_index_2024_vs_2011'] });
  out.push({ id: 'public.share', category: 'public', kg: publicShareKg(), factors: ['public_spending_nok', 'public_kg_per_eur', 'nok_per_eur_2011', 'price_index_2024_vs_2011'] });
  return out;
}

function sum(ls: FootprintLine[]) {
  const categories = Object.fromEntries(FOOTPRINT_CATEGORIES.map((c) => [c, 0])) as Record<FootprintCategory, number>;
  let total = 0;
  for (const l of ls) {
    categories[l.category] += l.kg;
    total += l.kg;
  }
  return { total, categories };
}

let average: number | null = null;
/** The average Norwegian resident's footprint: every question at its default. */
export function averageFootprintKg(): number {
  if (average === null) average = sum(lines({})).total;
  return average;
}

/** Evaluates answers (assumed valid: see validateAnswers) to kg CO2e per category, total and Earths. */
export function evaluateFootprint(answers: FootprintAnswers = {}): FootprintResult {
  const ls = lines(answers);
  const { total, categories } = sum(ls);
  const averageKg = averageFootprintKg();
  return {
    totalKg: total,
    categories,
    lines: ls,
    earths: (total / averageKg) * factor('norway_earths'),
    averageKg,
    halfKg: averageKg / 2,
    lifestyleKg: total - categories.public,
    onePointFiveKg: factor('onepointfive_2030_kg'),
  };
}

const fmt = (n: number) => n.toLocaleString('nb-NO', { maximumFractionDigits: 1 }).replace(/\u00a0/g, ' ');

/** Reads answers from untrusted input (JSON, a form); every bad answer is named with a Norwegian message. */
export function validateAnswers(input: unknown): { answers: FootprintAnswers; errors: AnswerError[] } {
  const answers: FootprintAnswers = {};
  const errors: AnswerError[] = [];
  if (input === null || input === undefined) return { answers, errors };
  if (typeof input !== 'object' || Array.isArray(input)) return { answers, errors: [{ field: '', message: 'Svarene må være et objekt med spørsmåls-id som nøkler, for eksempel {"transport.car_km": 8000}' }] };
  for (const [id, raw] of Object.entries(input as Record<string, unknown>)) {
    const q: FootprintQuestion | undefined = QUESTION_BY_ID.get(id);
    if (!q) {
      errors.push({ field: id, message: `Ukjent spørsmål «${id}». Se listen med «omstilling footprint questions».` });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') continue;
    const label = q.label.nb.replace(/\?$/, '');
    if (q.kind === 'choice') {
      if (typeof raw === 'string' && q.options.some((o) => o.value === raw)) answers[id] = raw;
      else errors.push({ field: id, message: `«${label}»: ugyldig valg «${String(raw)}». Gyldige valg: ${q.options.map((o) => o.value).join(', ')}.` });
      continue;
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d[\d\s]*([.,]\d+)?\s*$/.test(raw) ? Number(raw.replace(/\s/g, '').replace(',', '.')) : Number.NaN;
    if (!Number.isFinite(n)) errors.push({ field: id, message: `«${label}»: må være et tall (${q.unit}).` });
    else if (n < 0 && q.min >= 0) errors.push({ field: id, message: `«${label}»: kan ikke være negativt (fikk ${fmt(n)} ${q.unit}).` });
    else if (n < q.min || n > q.max) errors.push({ field: id, message: `«${label}»: må være mellom ${fmt(q.min)} og ${fmt(q.max)} ${q.unit} (fikk ${fmt(n)}).` });
    else answers[id] = n;
  }
  return { answers, errors };
}

/** Every question's default: the answers of the average resident. */
export function defaultAnswers(): FootprintAnswers {
  return Object.fromEntries(FOOTPRINT_QUESTIONS.map((q) => [q.id, q.default]));
}
