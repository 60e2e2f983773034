import fs from 'node:fs';
import path from 'node:path';
import type { CarbonPricePoint } from '@omstilling/core';

/** The repository's data folder, for callers without a config. */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

export interface CarbonPricePath {
  name: string;
  unit: string;
  version: string;
  status: string;
  points: (CarbonPricePoint & { basis: string })[];
}

const pathCache = new Map<string, CarbonPricePath>();
const cpvCache = new Map<string, Record<string, string>>();

/** The carbon price path shipped in data/reference/procurement (dated and sourced; a municipality may edit its copy). */
export function carbonPricePath(dataDir: string = DEFAULT_DATA_DIR): CarbonPricePath {
  const hit = pathCache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'procurement', 'carbon-price-path.json');
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CarbonPricePath;
  if (!Array.isArray(p.points) || p.points.some((x) => !Number.isInteger(x.year) || !(x.nokPerTonne >= 0))) throw new Error(`${file}: every point needs a year and nokPerTonne ≥ 0`);
  pathCache.set(dataDir, p);
  return p;
}

/** The CPV 2008 codes with their English names ("03000000-1" → "Agricultural, …"). */
export function cpvCodes(dataDir: string = DEFAULT_DATA_DIR): Record<string, string> {
  const hit = cpvCache.get(dataDir);
  if (hit) return hit;
  const c = JSON.parse(fs.readFileSync(path.join(dataDir, 'reference', 'procurement', 'cpv2008_en.json'), 'utf8')) as Record<string, string>;
  cpvCache.set(dataDir, c);
  return c;
}
