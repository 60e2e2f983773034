import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LISTS, type FoodwasteFactors, type FoodwasteLists, type RegistrationRules } from '@omstilling/core';

/** The food-waste reference data (data/reference/foodwaste/factors.json) and the lists registrations use. */
export interface FoodwasteReference {
  factors: FoodwasteFactors;
  rules: RegistrationRules & { maxKgPerOffer: number };
  lists: FoodwasteLists;
  /** Per factor: its source text and whether it is an approximation. */
  sources: Record<'kgCo2ePerKg' | 'mealsPerKg' | 'nokPerKg', { source: string; approximation: boolean }>;
}

/** The repository's data folder, for callers without a config (the program's publishers). */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

const cache = new Map<string, FoodwasteReference>();

interface FactorsFile {
  kgCo2ePerKg: { value: number; source: string; approximation: boolean };
  mealsPerKg: { value: number; source: string; approximation: boolean };
  nokPerKg: { value: number; source: string; approximation: boolean };
  rules: { maxKgPerRegistration: number; maxKgPerOffer: number; maxAgeDays: number };
  sources: Record<string, string>;
}

/** Loads and checks the factors once per data folder; a broken file fails loudly. */
export function foodwasteReference(dataDir: string = DEFAULT_DATA_DIR): FoodwasteReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'foodwaste', 'factors.json');
  const f = JSON.parse(fs.readFileSync(file, 'utf8')) as FactorsFile;
  const positive = (n: unknown, what: string) => {
    if (typeof n !== 'number' || !(n > 0)) throw new Error(`${file}: ${what} must be a positive number`);
    return n;
  };
  const src = (k: 'kgCo2ePerKg' | 'mealsPerKg' | 'nokPerKg') => {
    const text = f.sources[f[k].source];
    if (!text) throw new Error(`${file}: ${k} names the unknown source ${f[k].source}`);
    return { source: text, approximation: f[k].approximation === true };
  };
  const ref: FoodwasteReference = {
    factors: { kgCo2ePerKg: positive(f.kgCo2ePerKg.value, 'kgCo2ePerKg'), mealsPerKg: positive(f.mealsPerKg.value, 'mealsPerKg'), nokPerKg: positive(f.nokPerKg.value, 'nokPerKg') },
    rules: { maxKg: positive(f.rules.maxKgPerRegistration, 'rules.maxKgPerRegistration'), maxKgPerOffer: positive(f.rules.maxKgPerOffer, 'rules.maxKgPerOffer'), maxAgeDays: positive(f.rules.maxAgeDays, 'rules.maxAgeDays') },
    lists: DEFAULT_LISTS,
    sources: { kgCo2ePerKg: src('kgCo2ePerKg'), mealsPerKg: src('mealsPerKg'), nokPerKg: src('nokPerKg') },
  };
  cache.set(dataDir, ref);
  return ref;
}
