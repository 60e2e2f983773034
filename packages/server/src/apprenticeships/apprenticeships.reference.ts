import fs from 'node:fs';
import path from 'node:path';
import type { Trade } from '@omstilling/core';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';

/** The trades and programmes (data/reference/apprenticeships/trades.json). */
export interface ApprenticeshipsReference {
  trades: Trade[];
  programmes: { key: string; nb: string; en: string }[];
}

const cache = new Map<string, ApprenticeshipsReference>();

/** Loads and checks the trades once per data folder; a broken file fails loudly. */
export function apprenticeshipsReference(dataDir: string = DEFAULT_DATA_DIR): ApprenticeshipsReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'apprenticeships', 'trades.json');
  const f = JSON.parse(fs.readFileSync(file, 'utf8')) as ApprenticeshipsReference;
  const programmes = new Set(f.programmes.map((p) => p.key));
  const keys = new Set<string>();
  for (const t of f.trades) {
    if (!t.key || !t.nb || !t.en || !programmes.has(t.programme)) throw new Error(`${file}: trade ${JSON.stringify(t)} lacks a key, a name or a known programme`);
    if (keys.has(t.key)) throw new Error(`${file}: trade ${t.key} twice`);
    keys.add(t.key);
  }
  const ref = { trades: f.trades, programmes: f.programmes };
  cache.set(dataDir, ref);
  return ref;
}
