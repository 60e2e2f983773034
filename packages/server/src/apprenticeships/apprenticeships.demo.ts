import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { apprenticeshipsRepository, type PlaceRow } from './apprenticeships.repository.js';

interface DemoFile {
  municipalYearEnd: Record<string, number>;
  municipalThisYear: number;
  firstCohort: number;
  dropOutShare: number;
  tradesByUnitType: Record<string, string[]>;
  businesses: { orgNumber: string; trade: string; starts: string[] }[];
  openPlaces: { unit: string; trade: string; start: string }[];
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
const plusYears = (date: string, n: number) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;
const minusDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the apprenticeship demo (data/demo/<slug>/apprenticeships.json): two-year places in
 * municipal units, one cohort each August, sized so that the count on 31 December follows the
 * file's figures (a share drops out in the spring of the second year), spread over units by type
 * and trade; places at a few local businesses; open places for next year. Idempotent.
 */
export const apprenticeshipsDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'apprenticeships.json');
  if (!fs.existsSync(file)) return;
  const repo = apprenticeshipsRepository(ctx.scope);
  if ((await repo.count()) > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgRepo = organisationsRepository(ctx.scope);
  const units = (await orgRepo.allUnits()).filter((u) => u.kind === 'unit' && demo.tradesByUnitType[u.type]);
  // Larger units take more apprentices: a unit is drawn with a weight of its staff.
  const weights = units.map((u) => Math.max(1, u.staff));
  const total = weights.reduce((s, w) => s + w, 0);
  const r = prng(4242);
  const pickUnit = () => {
    let x = r() * total;
    for (let i = 0; i < units.length; i++) if ((x -= weights[i]!) < 0) return units[i]!;
    return units[units.length - 1]!;
  };
  const today = osloToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  const rows: Omit<PlaceRow, 'municipality_id'>[] = [];
  let serial = 1000;
  const place = (unitId: string | null, organisationId: string | null, trade: string, start: string, dropOut: boolean) => {
    const end = minusDay(plusYears(start, 2));
    const status = start > today ? 'open' : dropOut ? 'dropped_out' : end < today ? 'completed' : 'filled';
    const closedOn = dropOut ? `${Number(start.slice(0, 4)) + 1}-03-15` : null;
    rows.push({ id: newId(), unit_id: unitId, organisation_id: organisationId, trade_key: trade, start_date: start, end_date: end, status: dropOut && closedOn! > today ? 'filled' : status, contract_ref: status === 'open' ? null : `DEMO-${start.slice(0, 4)}-${serial++}`, closed_on: dropOut && closedOn! <= today ? closedOn : null, note: null, created_by_label: label, created_at: at, updated_at: at });
  };
  // Cohorts: active on 31 Dec of year Y = cohort Y + the part of cohort Y−1 that did not drop out.
  const target = (y: number) => (y === thisYear ? demo.municipalThisYear : (demo.municipalYearEnd[String(y)] ?? null));
  let carried = 0;
  for (let y = demo.firstCohort; y <= thisYear; y++) {
    const want = target(y) ?? target(y + 1) ?? 0;
    const size = Math.max(0, y === demo.firstCohort ? Math.round(want / 2) : want - carried);
    const drops = Math.round(size * demo.dropOutShare);
    for (let i = 0; i < size; i++) {
      const u = pickUnit();
      const trades = demo.tradesByUnitType[u.type]!;
      place(u.id, null, trades[Math.floor(r() * trades.length)]!, `${y}-08-15`, i < drops);
    }
    carried = size - drops;
  }
  for (const b of demo.businesses) {
    const org = await orgRepo.organisationByNumber(b.orgNumber);
    if (!org) throw new Error(`apprenticeships.json: unknown organisation ${b.orgNumber}`);
    for (const s of b.starts) place(null, org.id, b.trade, s, false);
  }
  for (const o of demo.openPlaces) {
    const unit = await orgRepo.unitByKey(o.unit);
    if (!unit) throw new Error(`apprenticeships.json: unknown unit ${o.unit}`);
    place(unit.id, null, o.trade, o.start, false);
  }
  await repo.insert(rows);
};
