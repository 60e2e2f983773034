import fs from 'node:fs';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { foodwasteReference } from './foodwaste.reference.js';
import { expireOffers, importRegistrations, overview } from './foodwaste.service.js';

export const foodwasteCommands: Record<string, CliCommand> = {
  'foodwaste import': {
    usage: 'FILE',
    describe: 'import food-waste registrations from CSV or XLSX (kjøkken;dato;ledd;kategori;årsak;mottak;kg); all or nothing, idempotent',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('foodwaste import needs a FILE');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const r = await importRegistrations(await c.ctx(), { reference: foodwasteReference(c.deps.config.dataDir) }, file, fs.readFileSync(file));
      c.print(`${file}: ${r.rows} linjer, ${r.created} nye, ${r.unchanged} fantes fra før`, r);
    },
  },
  'foodwaste status': {
    usage: '[--json]',
    describe: 'food waste of the last 12 months: totals, CO2e, kg per resident, every kitchen with its status against its target',
    async run(c) {
      const o = await overview(await c.ctx(), { reference: foodwasteReference(c.deps.config.dataDir) });
      const n = (x: number | null, d = 1) => (x === null ? '–' : x.toLocaleString('nb-NO', { maximumFractionDigits: d }));
      c.print(
        [
          `Matsvinn ${o.from}–${o.asOf}: ${n(o.totals.kg)} kg, ${n(o.totals.kgCo2e / 1000)} t CO2e, ${n(o.kgPerResidentPerYear, 2)} kg per innbygger; ${n(o.redistribution.kg)} kg videreformidlet`,
          ...o.kitchens.map((k) => `${k.status.padEnd(10)} ${k.name.padEnd(40)} ${n(k.baseline)} → ${n(k.latest?.value ?? null)} ${k.intensityUnit.nb}`),
        ].join('\n'),
        o,
      );
    },
  },
  'foodwaste expire-offers': {
    usage: '',
    describe: 'mark surplus-food offers past their pickup window as expired (they already count as expired when read)',
    async run(c) {
      const n = await expireOffers(await c.ctx());
      c.print(`${n} tilbud utløpt`, { expired: n });
    },
  },
};
