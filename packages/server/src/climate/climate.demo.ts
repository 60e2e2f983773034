import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orgNumberCheckDigit } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { climateReference } from './climate.reference.js';
import { climateRepository } from './climate.repository.js';
import { importLedger, mapAnsvar, setSupplierFactor } from './climate.service.js';

// A generator of realistic municipal ledgers for the demo and for load tests: plausible KOSTRA
// arts and funksjoner per kind of unit, recurring suppliers, credit notes, wages and transfers
// that the exclusion rule must drop. Deterministic for a seed, so the demo is the same every time.

/** Share of a year's purchases by art (sums to 1). Construction ≈ 43 %, as Asker's 1.3 of 3 bn (2022). */
const SPEND_BY_ART: [string, number][] = [
  ['230', 0.36], ['250', 0.04], ['271', 0.03], // construction, materials, consultants (mostly building projects)
  ['370', 0.17], ['350', 0.02], ['380', 0.04], // purchased care, kindergartens, transport; inter-municipal; IKS (waste, water)
  ['180', 0.04], ['181', 0.005], ['182', 0.005], ['185', 0.01], ['190', 0.04],
  ['115', 0.025], ['110', 0.015], ['120', 0.035], ['100', 0.01], ['105', 0.01],
  ['130', 0.01], ['140', 0.003], ['150', 0.01], ['160', 0.004], ['170', 0.015],
  ['195', 0.02], ['200', 0.03], ['209', 0.005], ['210', 0.01], ['220', 0.005],
  ['240', 0.02], ['260', 0.015], ['272', 0.013],
];
const FUNKSJON_BY_TYPE: Record<string, string[]> = {
  kindergarten: ['201', '211'],
  school: ['202', '213', '222', '383'],
  nursing_home: ['253', '261', '256'],
  home_care: ['253', '234'],
  health: ['232', '233', '241'],
  culture: ['370', '375', '385'],
  library: ['370'],
  technical: ['222', '261', '265', '315', '320', '332', '345', '353', '354'],
  office: ['100', '120', '121', '130', '180'],
  other: ['120', '130', '180'],
};
const SUPPLIER_WORDS: Record<string, string[]> = {
  '230': ['Bygg', 'Entreprenør', 'Anlegg', 'Rehab'], '250': ['Byggevarer', 'Trelast'], '271': ['Rådgivende ingeniører', 'Arkitekter'],
  '370': ['Omsorg', 'Barnehager', 'Skyss', 'Helse'], '350': ['kommune'], '380': ['IKS', 'Renovasjon IKS'],
  '180': ['Kraft', 'Energi'], '115': ['Storhusholdning', 'Matgrossist'], '110': ['Medisinsk', 'Apotek'], '120': ['Kontorrekvisita', 'Renhold og papir'],
};

function orgnr(seed: number): string {
  for (let n = seed; ; n++) {
    const first8 = String(91_000_000 + (n % 8_999_999)).padStart(8, '0');
    const c = orgNumberCheckDigit(first8);
    if (c !== null) return first8 + c;
  }
}

export interface DemoLedgerOptions {
  year: number;
  lines: number;
  /** Purchases of the year in NOK (before credit notes). */
  totalNok: number;
  /** ansvar codes (and the type of unit each belongs to). */
  ansvar: { code: string; type: string }[];
  /** Real organisation numbers to use for some suppliers (demo organisations). */
  knownSuppliers?: { orgnr: string; name: string }[];
  seed?: number;
}

/** Writes a ledger CSV (semicolons, decimal comma, UTF-8 with BOM, CRLF) to `file`; returns its line count. */
export function writeDemoLedger(file: string, o: DemoLedgerOptions): number {
  let seed = o.seed ?? o.year;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const suppliers = new Map<string, { orgnr: string; name: string }[]>();
  for (const [art] of SPEND_BY_ART) {
    const words = SUPPLIER_WORDS[art] ?? ['Service', 'Leverandør', 'Handel'];
    const list = Array.from({ length: art === '230' ? 60 : 25 }, (_, i) => ({ orgnr: orgnr(Number(art) * 1000 + i * 37 + 11), name: `${['Asker', 'Røyken', 'Viken', 'Fjord', 'Nordre', 'Oslofjord', 'Heggedal', 'Bondi'][i % 8]} ${pick(words)} ${i < 8 ? 'AS' : `${i} AS`}` }));
    suppliers.set(art, [...list, ...(o.knownSuppliers ?? []).filter((_, i) => i % SPEND_BY_ART.length === SPEND_BY_ART.findIndex(([a]) => a === art))]);
  }
  // Lines per art in proportion to spend^0.6 (many small invoices for goods, few large ones for building).
  const weights = SPEND_BY_ART.map(([, s]) => s ** 0.6);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const fd = fs.openSync(file, 'w');
  let out = '\uFEFFBilagsdato;Ansvar;Art;Funksjon;Prosjekt;Leverandør_orgnr;Leverandør;Beløp;Tekst\r\n';
  let written = 0;
  const fmt = (ore: number) => {
    const neg = ore < 0;
    const a = Math.abs(ore);
    return `${neg ? '-' : ''}${String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(a % 100).padStart(2, '0')}`;
  };
  const emit = (line: string) => {
    out += line + '\r\n';
    written++;
    if (out.length > 1 << 20) {
      fs.writeSync(fd, out);
      out = '';
    }
  };
  const purchaseLines = Math.floor(o.lines * 0.97);
  SPEND_BY_ART.forEach(([art, share], i) => {
    const n = Math.max(1, Math.round((purchaseLines * weights[i]!) / wsum));
    const mean = (o.totalNok * share * 100) / n;
    const sup = suppliers.get(art)!;
    for (let k = 0; k < n; k++) {
      const u = pick(o.ansvar);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      // A skewed amount with the right mean (exponential), 2 % credit notes.
      let ore = Math.max(100, Math.round(-Math.log(1 - rnd() * 0.999) * mean));
      if (rnd() < 0.02) ore = -Math.round(ore * 0.3);
      const s = pick(sup);
      const f = pick(FUNKSJON_BY_TYPE[u.type] ?? FUNKSJON_BY_TYPE.other!);
      const project = art === '230' || art === '250' ? `P-${o.year}-${String(1 + Math.floor(rnd() * 40)).padStart(2, '0')}` : '';
      emit(`${o.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')};${u.code};${art};${f};${project};${s.orgnr};${s.name};${fmt(ore)};${ore < 0 ? 'Kreditnota' : 'Faktura'} ${o.year}-${written}`);
    }
  });
  // What is not a purchase: wages, pensions, transfers (dropped by the exclusion rule).
  for (let k = 0; k < o.lines - purchaseLines; k++) {
    const art = pick(['010', '010', '020', '090', '099', '470', '429']);
    const u = pick(o.ansvar);
    emit(`${o.year}-${String(1 + (k % 12)).padStart(2, '0')}-25;${u.code};${art};${pick(FUNKSJON_BY_TYPE[u.type] ?? FUNKSJON_BY_TYPE.other!)};;;;${fmt(Math.round(rnd() * 200_000_00))};Lønn og overføringer`);
  }
  fs.writeSync(fd, out);
  fs.closeSync(fd);
  return written;
}

interface DemoClimate {
  years: number[];
  linesPerYear: number;
  totalNokPerYear: number;
  supplierFactors: { orgnr: string; year: number; kgPerNok: number; source: string }[];
}

/** Demo step: ansvar codes for every unit, two years of generated ledger, a few supplier factors. */
export const climateDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'climate.json');
  if (!fs.existsSync(file)) return;
  const cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoClimate;
  const repo = climateRepository(ctx.scope);
  if ((await repo.imports()).length) return; // idempotent: the demo ledger is there
  const units = await repo.units();
  const types = new Map((await ctx.scope.selectFrom('org_unit').select(['id', 'type']).execute()).map((u) => [u.id, u.type]));
  // Ansvar codes: 4 digits by position in the unit list (sectors and offices too).
  const ansvar = units.map((u, i) => ({ code: String(1000 + i * 10), unitKey: u.key, type: types.get(u.id) ?? 'other' }));
  await mapAnsvar(ctx, ansvar.map((a) => ({ ansvar: a.code, unitKey: a.unitKey })));
  const orgs = await ctx.scope.selectFrom('organisation').select(['org_number', 'name']).execute();
  const reference = climateReference(deps.config.dataDir);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-demo-ledger-'));
  try {
    for (const year of cfg.years) {
      const f = path.join(tmp, `hovedbok-${year}.csv`);
      writeDemoLedger(f, { year, lines: cfg.linesPerYear, totalNok: cfg.totalNokPerYear, ansvar, knownSuppliers: orgs.map((o) => ({ orgnr: o.org_number, name: o.name })) });
      const r = await importLedger(ctx, { reference, sqlite: deps.database.sqlite }, { path: f, filename: `demo-hovedbok-${year}.csv` });
      if (r.errors.length) throw new Error(`demo ledger ${year}: ${r.errors[0]!.message} (line ${r.errors[0]!.line})`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const s of cfg.supplierFactors) await setSupplierFactor(ctx, s);
};
