import type { FoodwasteLists } from './lists.js';

/** A food-waste registration as entered (a cook's quick entry, a form or an import line). */
export interface RegistrationInput {
  date: string;
  stage: string;
  category: string;
  reason: string;
  destination: string;
  kg: number;
}

/** One problem with one field, message in Norwegian. */
export interface RegistrationIssue {
  field: string;
  message: string;
}

/** Limits of a registration; the maximum is configurable per municipality. */
export interface RegistrationRules {
  /** The most kg one registration may hold (absurd weights are refused). */
  maxKg: number;
  /** Registrations further back than this many days are refused (typos like 2002). */
  maxAgeDays: number;
}

export const DEFAULT_RULES: RegistrationRules = { maxKg: 500, maxAgeDays: 5 * 366 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Checks a registration against the lists and rules at `today` (yyyy-mm-dd); returns every problem. */
export function validateRegistration(input: RegistrationInput, lists: FoodwasteLists, today: string, rules: RegistrationRules = DEFAULT_RULES): RegistrationIssue[] {
  const issues: RegistrationIssue[] = [];
  if (!isIsoDate(input.date)) issues.push({ field: 'date', message: `«${input.date}» er ikke en gyldig dato (åååå-mm-dd)` });
  else if (input.date > today) issues.push({ field: 'date', message: `Datoen ${input.date} er fram i tid` });
  else if (daysBetween(input.date, today) > rules.maxAgeDays) issues.push({ field: 'date', message: `Datoen ${input.date} er mer enn ${Math.floor(rules.maxAgeDays / 365)} år tilbake` });
  const inList = (field: keyof FoodwasteLists, value: string, name: string, key: string) => {
    if (!lists[field].includes(value)) issues.push({ field: key, message: `Ukjent ${name}: «${value}»` });
  };
  inList('stages', input.stage, 'ledd', 'stage');
  inList('categories', input.category, 'matkategori', 'category');
  inList('reasons', input.reason, 'årsak', 'reason');
  inList('destinations', input.destination, 'mottak', 'destination');
  if (typeof input.kg !== 'number' || !Number.isFinite(input.kg)) issues.push({ field: 'kg', message: 'Vekten må være et tall' });
  else if (input.kg <= 0) issues.push({ field: 'kg', message: 'Vekten må være større enn 0 kg' });
  else if (input.kg > rules.maxKg) issues.push({ field: 'kg', message: `Vekten ${String(input.kg).replace('.', ',')} kg er over grensen på ${rules.maxKg} kg per registrering` });
  return issues;
}

/** Reads a weight typed the Norwegian way ("1,5", "1 234,5", "2.25"); null when it is not a number. */
export function parseKg(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/kg$/i, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
