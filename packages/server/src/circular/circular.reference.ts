import fs from 'node:fs';
import path from 'node:path';
import { parseCsv, type ReuseFactor } from '@omstilling/core';

/** One category's factors with their origin, as shipped in data/reference/circular/factors.csv. */
export interface CategoryFactor extends ReuseFactor {
  nameNb: string;
  nameEn: string;
  co2eMethod: 'per_item' | 'per_kg';
  co2eValue: number;
  co2eSource: string;
  weightPriceSource: string;
  year: number;
}

export interface CircularReference {
  factors: CategoryFactor[];
  byCategory: ReadonlyMap<string, CategoryFactor>;
  file: string;
}

/** The repository's data folder, for callers without a config (the program's publishers). */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

const cache = new Map<string, CircularReference>();

/** Loads the reuse factors once (read-only facts); kg CO2e per kg is turned into per item here. */
export function circularReference(dataDir: string = DEFAULT_DATA_DIR): CircularReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'circular', 'factors.csv');
  const { rows } = parseCsv(fs.readFileSync(file, 'utf8'));
  const factors = rows.map((r): CategoryFactor => {
    const c = r.cells;
    const kg = Number(c.kg_per_item);
    const method = c.co2e_method === 'per_kg' ? 'per_kg' : 'per_item';
    const value = Number(c.co2e_value);
    return { category: c.category!, nameNb: c.name_nb!, nameEn: c.name_en!, kgPerItem: kg, newPriceNok: Number(c.new_price_nok), co2eMethod: method, co2eValue: value, co2ePerItemKg: Math.round((method === 'per_kg' ? kg * value : value) * 100) / 100, co2eSource: c.co2e_source!, weightPriceSource: c.weight_price_source!, year: Number(c.year) };
  });
  const ref = { factors, byCategory: new Map(factors.map((f) => [f.category, f])), file: 'data/reference/circular/factors.csv' };
  cache.set(dataDir, ref);
  return ref;
}
