import fs from 'node:fs';
import path from 'node:path';
import { parseEmissionFactors, parseSchemes, type EmissionFactor, type Scheme } from '@omstilling/core';

/** The certification reference data: built-in schemes and emission factors (data/reference/certification). */
export interface CertificationReference {
  schemes: Scheme[];
  factors: EmissionFactor[];
}

/** The repository's data folder, for callers without a config (the program's publishers). */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

const cache = new Map<string, CertificationReference>();

/** Loads and checks the reference files once per data folder; a broken file fails loudly. */
export function certificationReference(dataDir: string = DEFAULT_DATA_DIR): CertificationReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = path.join(dataDir, 'reference', 'certification');
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown;
  const ref = { schemes: parseSchemes(read('schemes.json')), factors: parseEmissionFactors(read('emission-factors.json')) };
  cache.set(dataDir, ref);
  return ref;
}

const boundaries = new Map<string, number[][][][] | null>();

/** The municipality's boundary as MultiPolygon coordinates (data/reference/boundaries/<slug>.geojson), or null. */
export function boundaryOf(dataDir: string, slug: string | null): number[][][][] | null {
  if (!slug || !/^[a-z0-9-]+$/.test(slug)) return null;
  const key = `${dataDir}|${slug}`;
  if (boundaries.has(key)) return boundaries.get(key)!;
  const file = path.join(dataDir, 'reference', 'boundaries', `${slug}.geojson`);
  let coords: number[][][][] | null = null;
  if (fs.existsSync(file)) {
    const g = JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: { geometry?: { type: string; coordinates: unknown } }[]; geometry?: { type: string; coordinates: unknown } };
    const geom = g.features?.[0]?.geometry ?? g.geometry;
    if (geom?.type === 'MultiPolygon') coords = geom.coordinates as number[][][][];
    else if (geom?.type === 'Polygon') coords = [geom.coordinates as number[][][]];
  }
  boundaries.set(key, coords);
  return coords;
}
