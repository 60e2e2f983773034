import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { importProgram } from './program.service.js';
import { importValues } from './values.service.js';

/** Loads the programs a demo municipality names (data/programs/<key>.json) and its indicator values. */
export const programDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const m = JSON.parse(fs.readFileSync(path.join(demoDir, 'municipality.json'), 'utf8')) as { programs?: string[] };
  for (const key of m.programs ?? []) {
    const file = path.join(deps.config.dataDir, 'programs', `${key}.json`);
    const result = await importProgram(ctx, JSON.parse(fs.readFileSync(file, 'utf8')), `${key}.json`);
    const values = path.join(demoDir, 'indicator-values.csv');
    if (fs.existsSync(values)) await importValues(ctx, result.programId, 'indicator-values.csv', fs.readFileSync(values));
  }
};
