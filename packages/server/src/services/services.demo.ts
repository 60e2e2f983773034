import fs from 'node:fs';
import path from 'node:path';
import { eligibleUnits, type AreaMapping, type CoverageUnit } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { servicesRepository, type AdoptionRow, type EventRow, type ReportRow } from './services.repository.js';
import { missingReferenceMeasures } from './services.service.js';
import { servicesReference } from './services.reference.js';

interface DemoFile {
  unitAreas: Record<string, string | null>;
  leaveWithout: string[];
  cohorts: Record<string, Record<string, number>>;
  plannedOnly: Record<string, number>;
  stopReportingShare: number;
  pauseShare: number;
  secondMeasureShare: number;
  stories: { unit: string; measure: string; adoptedOn: string; reports: { date: string; text: string; participants: number | null; meals: number | null }[] }[];
  reportTexts: string[];
}

/** A small deterministic PRNG (mulberry32), so that every seed gives the same demo. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const MEAL_MEASURES = new Set(['plantebaserte-dager', 'maltider-barnehage', 'maltider-skole', 'mindre-matsvinn-kjokken', 'helsefremmende-maltider-omsorg']);

/**
 * Loads the services demo (data/demo/<slug>/services.json): the built-in catalogue, the
 * municipality's own unit → area exceptions, named stories, and cohorts of units per indicator
 * group taking measures into use from 2024, reporting about every five months. Idempotent.
 */
export const servicesDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'services.json');
  if (!fs.existsSync(file)) return;
  const reference = servicesReference(deps.config.dataDir);
  const repo = servicesRepository(ctx.scope);
  // Seeding is not a user's change: the catalogue is copied without audit entries.
  if ((await repo.countMeasures()) === 0) await repo.insertMeasures(await missingReferenceMeasures(ctx, { reference }));
  if ((await repo.adoptions()).length > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgRepo = organisationsRepository(ctx.scope);
  const rows = await orgRepo.allUnits();
  const byKey = new Map(rows.map((u) => [u.key, u]));
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  const today = osloToday(ctx);
  const unitAreas = Object.entries(demo.unitAreas).map(([key, area]) => {
    const u = byKey.get(key);
    if (!u) throw new Error(`services.json: unknown unit ${key}`);
    return { id: newId(), unit_id: u.id, area_key: area, updated_at: at };
  });
  await repo.insertUnitAreas(unitAreas);
  const measures = await repo.measures();
  const measureByKey = new Map(measures.map((m) => [m.key, m]));
  const areasOf = new Map(measures.map((m) => [m.id, JSON.parse(m.areas) as string[]]));
  const units: CoverageUnit[] = rows.map((u) => ({ id: u.id, key: u.key, parentId: u.parent_id, kind: u.kind, type: u.type, name: u.name }));
  const mapping: AreaMapping = { areas: reference.areas, byUnitKey: demo.unitAreas };
  const groupOf = new Map(reference.areas.map((a) => [a.key, a.group]));

  const adoptions: Omit<AdoptionRow, 'municipality_id'>[] = [];
  const events: Omit<EventRow, 'municipality_id'>[] = [];
  const reports: Omit<ReportRow, 'municipality_id'>[] = [];
  const r = prng(2024);
  /** An adoption with its status changes (oldest first; those after today are left out); adopted on the first change's date. */
  const adopt = (unitId: string, measureId: string, changes: { date: string; status: string }[]) => {
    const id = newId();
    const past = changes.filter((c) => c.date <= today);
    adoptions.push({ id, unit_id: unitId, measure_id: measureId, adopted_on: past[0]!.date, status: past.at(-1)!.status, note: null, created_by_label: label, created_at: at, updated_at: at });
    past.forEach((c, i) => events.push({ id: newId(), adoption_id: id, date: c.date, status: c.status, seq: i + 1, note: null, created_by_label: label, created_at: at }));
    return id;
  };
  const report = (adoptionId: string, unitId: string, date: string, text: string, participants: number | null, meals: number | null) => reports.push({ id: newId(), adoption_id: adoptionId, unit_id: unitId, report_date: date, text, participants, meals, file_id: null, created_by_label: label, created_at: at });

  const taken = new Set<string>(demo.leaveWithout.map((k) => byKey.get(k)?.id ?? ''));
  for (const s of demo.stories) {
    const u = byKey.get(s.unit);
    const m = measureByKey.get(s.measure);
    if (!u || !m) throw new Error(`services.json: unknown unit ${s.unit} or measure ${s.measure}`);
    const id = adopt(u.id, m.id, [{ date: s.adoptedOn, status: 'active' }]);
    for (const rep of s.reports) if (rep.date <= today) report(id, u.id, rep.date, rep.text, rep.participants, rep.meals);
    taken.add(u.id);
    if (u.parent_id) taken.add(u.parent_id);
  }

  const eligible = eligibleUnits(units, mapping).filter((e) => !taken.has(e.unit.id));
  const thisYear = Number(today.slice(0, 4));
  for (const [group, cohorts] of Object.entries(demo.cohorts)) {
    // A fixed shuffle of the group's units; cohorts take them in that order.
    const pool = eligible.filter((e) => groupOf.get(e.area) === group).map((e) => ({ ...e, k: r() })).sort((a, b) => a.k - b.k);
    let next = 0;
    const fitting = (area: string) => measures.filter((m) => !m.retired_on && areasOf.get(m.id)!.includes(area));
    for (const [yearText, n] of Object.entries(cohorts)) {
      const year = Number(yearText);
      if (year > thisYear) continue;
      const lastStart = year === thisYear ? addDays(today, -45) : `${year}-10-31`;
      const span = Math.max(1, Math.round((Date.parse(lastStart) - Date.parse(`${year}-01-15`)) / 86_400_000));
      for (let i = 0; i < n && next < pool.length; i++) {
        const e = pool[next++]!;
        const options = fitting(e.area);
        const start = addDays(`${year}-01-15`, Math.floor(r() * span));
        const stops = r() < demo.stopReportingShare;
        const pauses = r() < demo.pauseShare;
        const picks = [options[Math.floor(r() * options.length)]!];
        if (r() < demo.secondMeasureShare) {
          const other = options.filter((m) => m.id !== picks[0]!.id);
          if (other.length) picks.push(other[Math.floor(r() * other.length)]!);
        }
        picks.forEach((m, j) => {
          const from = j === 0 ? start : addDays(start, 60 + Math.floor(r() * 200));
          if (from > today) return;
          // Planned a month or two before; not before the cohort's year (the first adoptions are in 2024).
          const planned = [addDays(from, -30 - Math.floor(r() * 40)), `${year}-01-02`].sort().at(-1)!;
          const changes = [{ date: planned, status: 'planned' }, { date: from, status: 'active' }];
          const pauseOn = addDays(today, -90);
          if (pauses && pauseOn > addDays(from, 120)) changes.push({ date: pauseOn, status: 'paused' });
          const id = adopt(e.unit.id, m.id, changes);
          const meals = MEAL_MEASURES.has(m.key);
          const size = e.area === 'school' ? 150 + Math.floor(r() * 250) : e.area === 'kindergarten' ? 25 + Math.floor(r() * 60) : 15 + Math.floor(r() * 60);
          // Reports about every five months from a month after the start; some units stop after a year.
          for (let d = addDays(from, 30 + Math.floor(r() * 20)); d <= today; d = addDays(d, 140 + Math.floor(r() * 30))) {
            if (stops && d > addDays(from, 300)) break;
            if (pauses && d > pauseOn) break;
            report(id, e.unit.id, d, demo.reportTexts[Math.floor(r() * demo.reportTexts.length)]!, meals ? null : size, meals ? size * (60 + Math.floor(r() * 40)) : null);
          }
        });
      }
    }
    // Units that have only planned a measure: on the follow-up list, with a plan in the making.
    for (let i = 0; i < (demo.plannedOnly[group] ?? 0) && next < pool.length; i++) {
      const e = pool[next++]!;
      const options = fitting(e.area);
      adopt(e.unit.id, options[Math.floor(r() * options.length)]!.id, [{ date: addDays(today, -20 - i * 7), status: 'planned' }]);
    }
  }
  await repo.insertAdoptions(adoptions);
  await repo.insertEvents(events);
  await repo.insertReports(reports);
};
