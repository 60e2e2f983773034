import fs from 'node:fs';
import path from 'node:path';
import { kostraCodes, parseCsv, type ArtMapping, type Conversion, type EnergyFactor, type FactorRow, type FactorSetInfo, type KostraCodes } from '@omstilling/core';

/** The climate reference data shipped in data/reference/climate and the KOSTRA code lists. */
export interface ClimateReference {
  codes: KostraCodes;
  sets: (FactorSetInfo & { default: boolean; factors: FactorRow[] })[];
  conversion: Conversion;
  /** The shipped art → category mapping, each row with its rationale. */
  mapping: ArtMapping[];
  /** Every category any set knows, with a label. */
  categories: { key: string; label: string }[];
  /** kg CO2e per kWh by energy carrier and year, with sources (energy-factors.csv). */
  energyFactors: EnergyFactor[];
}

/** The repository's data folder, for callers without a config (the program's publishers). */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

const cache = new Map<string, ClimateReference>();

/** Loads and checks the reference data once per data folder; a broken file fails loudly. */
export function climateReference(dataDir: string = DEFAULT_DATA_DIR): ClimateReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = path.join(dataDir, 'reference', 'climate');
  const kostra = JSON.parse(fs.readFileSync(path.join(dataDir, 'reference', 'kostra', 'kostra_valid_codes_2026.json'), 'utf8')) as Record<string, string[]>;
  const codes = kostraCodes(2026, [...(kostra.basisArter ?? []), ...(kostra.kommunaleArter ?? [])], [...(kostra.kommunaleFunksjoner ?? []), ...(kostra.kommuneFinansielleFunksjoner ?? [])]);
  const csv = (file: string) => {
    const t = parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (t.issues.length) throw new Error(`${file}: ${t.issues[0]!.message}`);
    return t.rows.map((r) => r.cells);
  };
  const conversion = JSON.parse(fs.readFileSync(path.join(dir, 'conversion.json'), 'utf8')) as Conversion;
  const setsFile = JSON.parse(fs.readFileSync(path.join(dir, 'factor-sets.json'), 'utf8')) as (FactorSetInfo & { file: string; default: boolean })[];
  const categories = new Map<string, string>();
  const sets = setsFile.map(({ file, ...info }) => {
    const factors = csv(file).map((c) => {
      const value = Number(c.kg_co2e_per_unit);
      if (!c.category || !(value >= 0)) throw new Error(`${file}: bad row ${JSON.stringify(c)}`);
      categories.set(c.category, categories.get(c.category) ?? c.label ?? c.category);
      return { category: c.category, label: c.label ?? c.category, sourceCategory: c.source_category ?? '', value };
    });
    if (!conversion.rates[info.currency]) throw new Error(`conversion.json has no rate for ${info.currency}`);
    return { ...info, factors };
  });
  const mapping = csv('art-mapping.csv').map((c) => {
    if (!/^\d{3}$/.test(c.art ?? '') || !categories.has(c.category ?? '') || !c.rationale) throw new Error(`art-mapping.csv: bad row ${JSON.stringify(c)}`);
    return { art: c.art!, funksjon: null, name: c.name ?? '', category: c.category!, rationale: c.rationale };
  });
  const energyFactors = csv('energy-factors.csv').map((c) => {
    const kgPerKwh = Number(c.kg_co2e_per_kwh);
    const year = Number(c.year);
    if (!c.carrier || !(kgPerKwh >= 0) || !Number.isInteger(year) || !c.source) throw new Error(`energy-factors.csv: bad row ${JSON.stringify(c)}`);
    return { carrier: c.carrier, label: c.label ?? c.carrier, kgPerKwh, year, source: c.source };
  });
  const ref: ClimateReference = { codes, sets, conversion, mapping, categories: [...categories].map(([key, label]) => ({ key, label })), energyFactors };
  cache.set(dataDir, ref);
  return ref;
}
