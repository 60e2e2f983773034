import fs from 'node:fs';
import path from 'node:path';
import type { Channel, Crop, ProductGroup } from '@omstilling/core';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';

/** Crop categories, channels, product groups, certifiers and support schemes (data/reference/agriculture/agriculture.json). */
export interface AgricultureReference {
  unit: 'daa';
  crops: Crop[];
  channels: Channel[];
  products: ProductGroup[];
  certifiers: { key: string; name: string; nb: string; en: string; url: string }[];
  schemes: { key: string; nb: string; en: string; by: string | null }[];
}

const cache = new Map<string, AgricultureReference>();

/** Loads and checks the reference file once per data folder; a broken file fails loudly. */
export function agricultureReference(dataDir: string = DEFAULT_DATA_DIR): AgricultureReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'agriculture', 'agriculture.json');
  const ref = JSON.parse(fs.readFileSync(file, 'utf8')) as AgricultureReference;
  for (const list of ['crops', 'channels', 'products', 'certifiers', 'schemes'] as const) {
    const keys = new Set<string>();
    for (const e of ref[list] as { key: string; nb?: string; name?: string }[]) {
      if (!e.key || !(e.nb ?? e.name) || keys.has(e.key)) throw new Error(`${file}: ${list} entry ${JSON.stringify(e)} lacks a key or name, or repeats a key`);
      keys.add(e.key);
    }
  }
  for (const c of ref.crops) if (!Number.isInteger(c.conversionMonths) || c.conversionMonths < 0) throw new Error(`${file}: crop ${c.key} has no conversion period`);
  cache.set(dataDir, ref);
  return ref;
}
