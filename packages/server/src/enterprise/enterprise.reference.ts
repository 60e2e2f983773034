import fs from 'node:fs';
import path from 'node:path';
import type { ClusterTheme, ThemeRule } from '@omstilling/core';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';

/** The cluster's themes and the SN2007 → theme mapping (data/reference/enterprise/cluster-themes.json). */
export interface EnterpriseReference {
  themes: ClusterTheme[];
  rules: ThemeRule[];
}

const cache = new Map<string, EnterpriseReference>();

/** Loads and checks the themes and rules once per data folder; a broken file fails loudly. */
export function enterpriseReference(dataDir: string = DEFAULT_DATA_DIR): EnterpriseReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const file = path.join(dataDir, 'reference', 'enterprise', 'cluster-themes.json');
  const f = JSON.parse(fs.readFileSync(file, 'utf8')) as EnterpriseReference;
  const keys = new Set(f.themes.map((t) => t.key));
  for (const t of f.themes) if (!t.key || !t.nb || !t.en) throw new Error(`${file}: theme ${JSON.stringify(t)} lacks a key or a name`);
  for (const r of f.rules) if (!/^\d{2}(\.\d{1,3})?$/.test(r.prefix) || !keys.has(r.theme) || !r.rationale) throw new Error(`${file}: rule ${JSON.stringify(r)} needs an SN2007 prefix, a known theme and a rationale`);
  const ref = { themes: f.themes, rules: f.rules };
  cache.set(dataDir, ref);
  return ref;
}
