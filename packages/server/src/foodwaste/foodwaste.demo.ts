import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { usersRepository } from '../platform/users/users.repository.js';
import { createUser } from '../platform/users/users.service.js';
import { foodwasteRepository, type ActivityRow, type RegistrationRow } from './foodwaste.repository.js';
import { addListItem, osloToday } from './foodwaste.service.js';

interface DemoKitchen {
  name: string;
  kind: string;
  unit?: string;
  org?: string;
  lat?: number;
  lon?: number;
  activityKind: 'portions' | 'guest_nights' | 'food_purchases_nok';
  baseline: [string, string];
  portionsPerDay?: number;
  gramsPerPortion?: number;
  guestNightsPerDay?: number;
  gramsPerGuestNight?: number;
  purchasesNokPerDay?: number;
  kgPer1000Nok?: number;
  yearlyChange: number;
}
interface DemoFile {
  users: { email: string; name: string; role: 'business'; orgNumber: string }[];
  kitchens: DemoKitchen[];
  listItems?: { list: string; labelNb: string; labelEn: string }[];
  from: string;
  to: string;
  offers: { kitchen: string; title: string; kg: number; day: string; place: string; coldChain: boolean; receiver: string | null; status: string }[];
}

/** A small deterministic PRNG (mulberry32), so that every seed gives the same demo numbers. */
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
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

const SPLIT: Record<string, [stage: string, share: number, reasons: string[]][]> = {
  portions: [
    ['preparation', 0.2, ['trimming', 'overproduction']],
    ['serving', 0.45, ['overproduction']],
    ['plate', 0.35, ['other', 'overproduction']],
  ],
  guest_nights: [
    ['serving', 0.6, ['overproduction']],
    ['plate', 0.4, ['other']],
  ],
  food_purchases_nok: [['storage', 1, ['expiry', 'quality']]],
};
const CATEGORIES: Record<string, string[]> = {
  portions: ['dinner', 'dinner', 'dinner', 'bread', 'fruit_veg', 'dessert'],
  guest_nights: ['bread', 'dairy', 'fruit_veg', 'meat_fish', 'dinner'],
  food_purchases_nok: ['bread', 'bread', 'fruit_veg', 'fruit_veg', 'dairy', 'meat_fish'],
};

/**
 * Loads the food-waste demo (data/demo/<slug>/foodwaste.json): two business accounts (a shop and
 * a receiver), kitchens with baselines, about a year of weekly weighings spread over weekdays,
 * and a few surplus offers. Idempotent: existing users and kitchens are left alone.
 */
export const foodwasteDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'foodwaste.json');
  if (!fs.existsSync(file)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgRepo = organisationsRepository(ctx.scope);
  const users = usersRepository(ctx.scope);
  for (const u of demo.users) {
    if (await users.byEmail(u.email)) continue;
    const org = await orgRepo.organisationByNumber(u.orgNumber);
    if (!org) throw new Error(`foodwaste.json: unknown organisation ${u.orgNumber}`);
    await createUser(ctx, { email: u.email, name: u.name, role: u.role, organisationId: org.id, password: 'omstilling-demo' });
  }
  const repo = foodwasteRepository(ctx.scope);
  const own = await repo.listItems();
  for (const item of demo.listItems ?? []) if (!own.some((i) => i.list === item.list && i.label_nb === item.labelNb)) await addListItem(ctx, item);
  const today = osloToday(ctx);
  const end = demo.to < today ? demo.to : today;
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  const kitchenIds = new Map<string, string>();
  let seed = 1;
  for (const k of demo.kitchens) {
    seed++;
    const existing = await repo.kitchenByName(k.name);
    if (existing) {
      kitchenIds.set(k.name, existing.id);
      continue;
    }
    const unit = k.unit ? await orgRepo.unitByKey(k.unit) : null;
    const org = k.org ? await orgRepo.organisationByNumber(k.org) : null;
    if ((k.unit && !unit) || (k.org && !org)) throw new Error(`foodwaste.json: kitchen ${k.name}: unknown unit or organisation`);
    const id = newId();
    kitchenIds.set(k.name, id);
    await repo.insertKitchen({ id, name: k.name, kind: k.kind, unit_id: unit?.id ?? null, organisation_id: org?.id ?? null, activity_kind: k.activityKind, baseline_from: k.baseline[0], baseline_to: k.baseline[1], target_reduction: 0.5, target_date: '2030-12-31', lat: k.lat ?? null, lon: k.lon ?? null, created_at: at, updated_at: at });
    const r = prng(seed * 7919);
    const perDay = k.portionsPerDay ?? k.guestNightsPerDay ?? k.purchasesNokPerDay!;
    // kg per activity unit at the start: g/1000 for portions and guest nights, kg per 1000 NOK / 1000 for purchases.
    const kgPerUnit = (k.gramsPerPortion ?? k.gramsPerGuestNight ?? k.kgPer1000Nok!) / 1000;
    const regs: Omit<RegistrationRow, 'municipality_id'>[] = [];
    const acts: Omit<ActivityRow, 'municipality_id'>[] = [];
    // Weekly weighings, a week split at month ends so that waste and activity share their period.
    for (let week = demo.from; week <= end; ) {
      const monthEnd = new Date(Date.UTC(Number(week.slice(0, 4)), Number(week.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const weekEnd = [addDays(week, 6), monthEnd, end].sort()[0]!;
      const next = addDays(weekEnd, 1);
      const years = (Date.parse(week) - Date.parse(demo.from)) / (365.25 * 86_400_000);
      const days = (Date.parse(weekEnd) - Date.parse(week)) / 86_400_000 + 1;
      const amount = Math.round(perDay * days * (0.9 + 0.2 * r()));
      acts.push({ id: newId(), kitchen_id: id, date: weekEnd, amount, entered_by_label: label, created_at: at, updated_at: at });
      const kg = amount * kgPerUnit * Math.max(0.2, 1 + k.yearlyChange * years) * (0.85 + 0.3 * r());
      for (const [stage, share, reasons] of SPLIT[k.activityKind]!) {
        const date = addDays(week, Math.min(Math.floor(r() * 5), days - 1));
        regs.push({ id: newId(), kitchen_id: id, date, stage, category: pick(r, CATEGORIES[k.activityKind]!), reason: pick(r, reasons), destination: r() < 0.8 ? 'biogas' : 'animal_feed', kg: Math.round(kg * share * 10) / 10, note: null, client_id: null, entered_by: null, entered_by_label: label, import_file: null, import_line: null, created_at: at });
      }
      week = next;
    }
    await repo.insertRegistrations(regs.filter((x) => x.kg > 0));
    await repo.insertActivity(acts);
  }
  if ((await repo.offers()).length) return;
  const now = ctx.now().getTime();
  for (const o of demo.offers) {
    const kitchenId = kitchenIds.get(o.kitchen);
    if (!kitchenId) throw new Error(`foodwaste.json: offer for unknown kitchen ${o.kitchen}`);
    const receiver = o.receiver ? await orgRepo.organisationByNumber(o.receiver) : null;
    const kitchen = demo.kitchens.find((k) => k.name === o.kitchen);
    const open = o.day === 'open';
    const from = open ? new Date(now + 2 * 3_600_000).toISOString() : `${o.day}T14:00:00.000Z`;
    const to = open ? new Date(now + 26 * 3_600_000).toISOString() : `${o.day}T18:00:00.000Z`;
    if (!open && o.day > today) continue;
    await repo.insertOffer({
      id: newId(),
      kitchen_id: kitchenId,
      title: o.title,
      kg: o.kg,
      best_before: open ? addDays(today, 2) : addDays(o.day, 1),
      pickup_from: from,
      pickup_to: to,
      expires_at: to,
      place: o.place,
      cold_chain: o.coldChain ? 1 : 0,
      lat: kitchen?.lat ?? null,
      lon: kitchen?.lon ?? null,
      status: o.status,
      receiver_organisation_id: receiver?.id ?? null,
      claimed_at: receiver ? `${o.day}T12:00:00.000Z` : null,
      claimed_by_label: receiver ? receiver.name : null,
      closed_at: o.status === 'collected' || o.status === 'no_show' ? `${o.day}T17:00:00.000Z` : null,
      created_by_label: label,
      created_at: open ? at : `${o.day}T10:00:00.000Z`,
      updated_at: at,
    });
  }
};
