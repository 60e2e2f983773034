// Results of the climate account: spend grouped in the database, emissions computed here from
// the model of the year, then summed by the dimension asked for (units rolled up their tree).
import { emissionOf, ENERGY_ARTS, exclusionOf, type DataKind, type EmissionModel } from './factors.js';
import { kindTotals, type KindTotals } from './lines.js';

/** Spend of a year summed in the database by month, ansvar, art, funksjon and supplier. */
export interface SpendGroup {
  /** yyyymm */
  period: number;
  ansvar: string;
  art: string;
  funksjon: string;
  orgnr: string | null;
  supplierName: string | null;
  ore: number;
  lines: number;
}

export const REPORT_DIMENSIONS = ['unit', 'art', 'funksjon', 'supplier', 'month'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** One row of a report. `totalOre`/`totalKg` include descendants for units (tree roll-up); equal to own figures otherwise. */
export interface ReportRow {
  key: string;
  label: string;
  parentKey: string | null;
  ore: number;
  kg: number;
  totalOre: number;
  totalKg: number;
  lines: number;
  /** Share of the year's kg (0–1), on totals. */
  shareKg: number;
  category: string | null;
}

export interface UnitInfo {
  id: string;
  name: string;
  parentId: string | null;
}

export interface ClimateReport {
  year: number;
  by: ReportDimension;
  totalOre: number;
  totalKg: number;
  lines: number;
  byKind: KindTotals;
  rows: ReportRow[];
}

/**
 * The emission of each purchase group (excluded arts: null), with physical energy in place of
 * spend: for an ansvar with physical energy use (`physicalKg`, kg CO2e for the year), the kg of
 * its energy-art groups are that figure shared out by their spend (so every dimension shows the
 * same total), kind 'physical'. An ansvar with energy use but no energy spend in the ledger gets
 * a group of its own (0 kr, December, art 180), so its emissions are not lost.
 */
export function groupEmissions(groups: readonly SpendGroup[], model: EmissionModel, physicalKg: ReadonlyMap<string, number> = new Map()): { groups: SpendGroup[]; emissions: ({ kg: number; kind: DataKind } | null)[] } {
  const all = [...groups];
  const energyOre = new Map<string, number>();
  const energyCount = new Map<string, number>();
  if (physicalKg.size) {
    for (const g of all) {
      if (!physicalKg.has(g.ansvar) || !ENERGY_ARTS.includes(Number(g.art))) continue;
      energyOre.set(g.ansvar, (energyOre.get(g.ansvar) ?? 0) + g.ore);
      energyCount.set(g.ansvar, (energyCount.get(g.ansvar) ?? 0) + 1);
    }
    for (const ansvar of physicalKg.keys()) {
      if (!energyCount.has(ansvar)) {
        all.push({ period: model.year * 100 + 12, ansvar, art: String(ENERGY_ARTS[0]), funksjon: '', orgnr: null, supplierName: null, ore: 0, lines: 0 });
        energyCount.set(ansvar, 1);
        energyOre.set(ansvar, 0);
      }
    }
  }
  const emissions = all.map((g) => {
    const art = Number(g.art);
    if (exclusionOf(art)) return null;
    const phys = physicalKg.get(g.ansvar);
    if (phys !== undefined && ENERGY_ARTS.includes(art)) {
      const total = energyOre.get(g.ansvar)!;
      // Shared by spend; evenly when the spend nets to zero (credit notes).
      const share = total !== 0 ? g.ore / total : 1 / energyCount.get(g.ansvar)!;
      return { kg: phys * share, kind: 'physical' as const };
    }
    return emissionOf(model, art, Number(g.funksjon), g.orgnr, g.ore);
  });
  return { groups: all, emissions };
}

/** Computes a report of one year by a dimension; `unitOfAnsvar` maps ansvar codes to units (unmapped ansvar get their own row). */
export function climateReport(
  spendGroups: readonly SpendGroup[],
  model: EmissionModel,
  by: ReportDimension,
  units: { unitOfAnsvar: ReadonlyMap<string, string>; units: readonly UnitInfo[] } = { unitOfAnsvar: new Map(), units: [] },
  physicalKg: ReadonlyMap<string, number> = new Map(),
): ClimateReport {
  const { groups, emissions } = groupEmissions(spendGroups, model, physicalKg);
  const rows = new Map<string, ReportRow>();
  const byKind = kindTotals();
  let totalOre = 0;
  let totalKg = 0;
  let lines = 0;
  const unitById = new Map(units.units.map((u) => [u.id, u]));
  const row = (key: string, label: string, parentKey: string | null, category: string | null = null) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label, parentKey, ore: 0, kg: 0, totalOre: 0, totalKg: 0, lines: 0, shareKg: 0, category }));
    return r;
  };
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const e = emissions[i];
    if (!e) continue;
    const art = Number(g.art);
    totalOre += g.ore;
    totalKg += e.kg;
    lines += g.lines;
    byKind[e.kind].ore += g.ore;
    byKind[e.kind].kg += e.kg;
    let r: ReportRow;
    if (by === 'unit') {
      const unitId = units.unitOfAnsvar.get(g.ansvar);
      const u = unitId ? unitById.get(unitId) : undefined;
      r = u ? row(u.id, u.name, u.parentId) : row(`ansvar:${g.ansvar}`, `Ansvar ${g.ansvar} (ikke koblet til enhet)`, null);
    } else if (by === 'art') r = row(g.art, g.art, null, model.categoryByArt.get(art) ?? null);
    else if (by === 'funksjon') r = row(g.funksjon, g.funksjon, null);
    else if (by === 'supplier') r = row(g.orgnr ?? `navn:${g.supplierName ?? ''}`, g.supplierName ?? g.orgnr ?? 'Uten leverandør', null);
    else {
      const p = String(g.period);
      r = row(`${p.slice(0, 4)}-${p.slice(4)}`, `${p.slice(0, 4)}-${p.slice(4)}`, null);
    }
    r.ore += g.ore;
    r.kg += e.kg;
    r.lines += g.lines;
  }
  for (const r of rows.values()) {
    r.totalOre = r.ore;
    r.totalKg = r.kg;
  }
  if (by === 'unit') {
    // Roll each unit's own figures up to every ancestor; ancestors without spend get a row too.
    for (const r of [...rows.values()]) {
      let parent = r.parentKey ? unitById.get(r.parentKey) : undefined;
      const seen = new Set<string>([r.key]);
      while (parent && !seen.has(parent.id)) {
        seen.add(parent.id);
        const p = row(parent.id, parent.name, parent.parentId);
        p.totalOre += r.ore;
        p.totalKg += r.kg;
        parent = parent.parentId ? unitById.get(parent.parentId) : undefined;
      }
    }
  }
  const out = [...rows.values()];
  for (const r of out) r.shareKg = totalKg ? r.totalKg / totalKg : 0;
  if (by === 'month') out.sort((a, b) => a.key.localeCompare(b.key));
  else out.sort((a, b) => b.totalKg - a.totalKg || a.key.localeCompare(b.key));
  return { year: model.year, by, totalOre, totalKg, lines, byKind, rows: out };
}

/** The n largest hotspots: art × supplier combinations by kg. */
export function hotspots(spendGroups: readonly SpendGroup[], model: EmissionModel, n = 20, physicalKg: ReadonlyMap<string, number> = new Map()): { art: string; category: string | null; orgnr: string | null; supplierName: string | null; ore: number; kg: number }[] {
  const m = new Map<string, { art: string; category: string | null; orgnr: string | null; supplierName: string | null; ore: number; kg: number }>();
  const { groups, emissions } = groupEmissions(spendGroups, model, physicalKg);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const e = emissions[i];
    if (!e) continue;
    const art = Number(g.art);
    const key = `${g.art}|${g.orgnr ?? g.supplierName ?? ''}`;
    let h = m.get(key);
    if (!h) m.set(key, (h = { art: g.art, category: model.categoryByArt.get(art) ?? null, orgnr: g.orgnr, supplierName: g.supplierName, ore: 0, kg: 0 }));
    h.ore += g.ore;
    h.kg += e.kg;
  }
  return [...m.values()].sort((a, b) => b.kg - a.kg).slice(0, n);
}
