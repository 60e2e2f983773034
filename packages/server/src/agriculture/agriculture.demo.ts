import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { agricultureRepository, type CropAreaRow, type DeliveryRow } from './agriculture.repository.js';

type Shares = Record<string, number>;
interface DemoFarm {
  orgNumber: string;
  areaDaa: number;
  /** Decares by crop; the conventional part varies a little from year to year. */
  crops: Record<string, number>;
  /** Decares by crop that were organic before the first year. */
  organic?: Record<string, number>;
  conversions?: { crop: string; daa: number; start: string }[];
  certificate?: { certifierKey: string; number: string; date: string };
  localFrom: number | null;
  channels: Shares;
  products: Record<string, number>;
  /** A product sold only from a year on. */
  productsFrom?: Record<string, number>;
  monthly?: boolean;
  plans?: { targetYear: number; areaDaa: number; status: string; note?: string }[];
  support?: { schemeKey: string; year: number; amountNok: number }[];
}
interface DemoFile {
  firstYear: number;
  pricesNokPerKg: Record<string, number>;
  growthPerYear: number;
  farms: DemoFarm[];
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

/**
 * Loads the agriculture demo (data/demo/<slug>/agriculture.json): farms of the organisation
 * register, crop areas for every year from firstYear (the conventional part a little under the
 * farm's figures), organic areas, conversions with their start dates, deliveries to the local market by channel from the year a farm began
 * selling locally (growing a few per cent a year; monthly for some farms), plans and support.
 * Idempotent: does nothing when there are farms.
 */
export const agricultureDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'agriculture.json');
  if (!fs.existsSync(file)) return;
  const repo = agricultureRepository(ctx.scope);
  if ((await repo.countFarms()) > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgRepo = organisationsRepository(ctx.scope);
  const today = osloToday(ctx);
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  const r = prng(5150);
  const areas: Omit<CropAreaRow, 'municipality_id'>[] = [];
  const deliveries: Omit<DeliveryRow, 'municipality_id'>[] = [];
  for (const f of demo.farms) {
    const org = await orgRepo.organisationByNumber(f.orgNumber);
    if (!org) throw new Error(`agriculture.json: unknown organisation ${f.orgNumber}`);
    const farmId = newId();
    await repo.insertFarm({ id: farmId, organisation_id: org.id, agricultural_area_daa: f.areaDaa, certifier_key: f.certificate?.certifierKey ?? null, certificate_number: f.certificate?.number ?? null, certificate_date: f.certificate?.date ?? null, note: null, created_at: at, updated_at: at });
    for (let year = demo.firstYear; year <= thisYear; year++) {
      // Farmland in use varies a little from year to year, never above the farm's area.
      const inUse = 0.96 + r() * 0.04;
      for (const [cropKey, daa] of Object.entries(f.crops)) {
        const row = (area: number, management: string, conversionStart: string | null) => areas.push({ id: newId(), farm_id: farmId, year, crop_key: cropKey, area_daa: area, management, conversion_start: conversionStart, entered_by_label: label, created_at: at });
        const organic = f.organic?.[cropKey] ?? 0;
        if (organic > 0) row(organic, 'organic', null);
        let rest = daa - organic;
        for (const c of f.conversions ?? []) {
          if (c.crop !== cropKey || Number(c.start.slice(0, 4)) > year) continue;
          row(c.daa, 'conversion', c.start);
          rest -= c.daa;
        }
        if (rest > 0) row(Math.floor(rest * inUse), 'conventional', null);
      }
      if (f.localFrom === null || year < f.localFrom) continue;
      const growth = (1 + demo.growthPerYear) ** (year - f.localFrom);
      for (const [productKey, base] of Object.entries(f.products)) {
        if ((f.productsFrom?.[productKey] ?? 0) > year) continue;
        const price = demo.pricesNokPerKg[productKey] ?? 40;
        for (const [channelKey, share] of Object.entries(f.channels)) {
          const kgYear = base * growth * share * (0.85 + r() * 0.3);
          const push = (month: number | null, kg: number) => deliveries.push({ id: newId(), farm_id: farmId, year, month, channel_key: channelKey, product_key: productKey, kg: Math.round(kg), value_ore: Math.round(kg * price * (0.95 + r() * 0.1)) * 100, note: null, client_key: null, import_file: null, import_line: null, entered_by_label: label, created_at: at });
          if (f.monthly) {
            // The season: June to October, only months that have ended.
            for (const month of [6, 7, 8, 9, 10]) if (year < thisYear || month < thisMonth) push(month, kgYear / 5);
          } else if (year < thisYear) push(null, kgYear);
        }
      }
    }
    for (const p of f.plans ?? []) await repo.insertPlan({ id: newId(), farm_id: farmId, target_year: p.targetYear, area_daa: p.areaDaa, status: p.status, note: p.note ?? null, created_at: at, updated_at: at });
    for (const s of f.support ?? []) await repo.insertSupport({ id: newId(), farm_id: farmId, scheme_key: s.schemeKey, year: s.year, amount_ore: Math.round(s.amountNok * 100), note: null, entered_by_label: label, created_at: at });
  }
  await repo.insertAreas(areas);
  await repo.insertDeliveries(deliveries);
};
