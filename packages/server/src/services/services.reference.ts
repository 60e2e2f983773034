import fs from 'node:fs';
import path from 'node:path';
import type { MeasureInput, ServiceArea } from '@omstilling/core';
import { DEFAULT_DATA_DIR } from '../foodwaste/foodwaste.reference.js';

/** A measure of the built-in catalogue (data/reference/services/measures.json). */
export interface ReferenceMeasure extends MeasureInput {
  key: string;
}

/** Service areas, indicator groups and the built-in catalogue. */
export interface ServicesReference {
  areas: ServiceArea[];
  groups: { key: string; nb: string; en: string; metric: string }[];
  measures: ReferenceMeasure[];
}

const cache = new Map<string, ServicesReference>();

/** Loads and checks the reference data once per data folder; a broken file fails loudly. */
export function servicesReference(dataDir: string = DEFAULT_DATA_DIR): ServicesReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const dir = path.join(dataDir, 'reference', 'services');
  const a = JSON.parse(fs.readFileSync(path.join(dir, 'areas.json'), 'utf8')) as Pick<ServicesReference, 'areas' | 'groups'>;
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'measures.json'), 'utf8')) as Pick<ServicesReference, 'measures'>;
  const groups = new Set(a.groups.map((g) => g.key));
  for (const area of a.areas) if (!area.key || !area.nb || !area.en || !groups.has(area.group)) throw new Error(`areas.json: area ${JSON.stringify(area)} lacks a key, a name or a known group`);
  const keys = new Set<string>();
  for (const x of m.measures) {
    if (!/^[a-z0-9-]+$/.test(x.key) || keys.has(x.key)) throw new Error(`measures.json: bad or repeated key ${x.key}`);
    if (x.areas.some((k) => !a.areas.some((ar) => ar.key === k))) throw new Error(`measures.json: ${x.key} names an unknown area`);
    keys.add(x.key);
  }
  const ref = { areas: a.areas, groups: a.groups, measures: m.measures };
  cache.set(dataDir, ref);
  return ref;
}
