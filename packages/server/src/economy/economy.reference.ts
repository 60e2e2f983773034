import fs from 'node:fs';
import path from 'node:path';
import { parseRuleSet, type RuleSet } from '@omstilling/core';

/** The economy reference data: the default rule set and the SN2007 code names (data/reference). */
export interface EconomyReference {
  defaults: RuleSet;
  codeNames: Map<string, string>;
}

/** The repository's data folder, for callers without a config (the program's publishers). */
export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

const cache = new Map<string, EconomyReference>();

/** Loads and checks the reference files once per data folder; a broken rule file fails loudly. */
export function economyReference(dataDir: string = DEFAULT_DATA_DIR): EconomyReference {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const raw = JSON.parse(fs.readFileSync(path.join(dataDir, 'reference', 'economy', 'rules.json'), 'utf8')) as unknown;
  const { ruleSet, issues } = parseRuleSet(raw);
  if (!ruleSet) throw new Error(`data/reference/economy/rules.json: ${issues.map((i) => `${i.field}: ${i.messageEn}`).join('; ')}`);
  const codeNames = new Map<string, string>();
  const csv = fs.readFileSync(path.join(dataDir, 'reference', 'sn2007', 'sn2007_nb.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of csv) {
    const m = /^([0-9.]+),\d,("(?:[^"]|"")*"|[^,]*)/.exec(line);
    if (m) codeNames.set(m[1]!, m[2]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  }
  const ref = { defaults: ruleSet, codeNames };
  cache.set(dataDir, ref);
  return ref;
}
