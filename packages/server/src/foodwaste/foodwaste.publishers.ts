import { intensity, quartersBetween, type ActivityRecord, type WasteRecord } from '@omstilling/core';
import type { IndicatorPublisher } from '../program/program.publishers.js';
import type { Ctx } from '../platform/context.js';
import { foodwasteRepository } from './foodwaste.repository.js';

// The food-waste domain's figures for the program (A6), computed from the registrations on every
// read, never typed in twice. Only whole quarters that have ended by asOf are published.

type Obs = { period: string; date: string; value: number; note?: string };
const PRODUCER = 'Matsvinnregistreringen (Omstilling)';
const fmt = (n: number, d = 1) => n.toLocaleString('nb-NO', { maximumFractionDigits: d });

async function load(ctx: Ctx) {
  const repo = foodwasteRepository(ctx.scope);
  const kitchens = await repo.kitchens(null);
  const [rows, act, offers] = await Promise.all([repo.registrations(null), repo.activity(null), repo.offers()]);
  return { kitchens, rows, act, offers };
}

/** Whole quarters from the first date through the last quarter ended by asOf (at most 40). */
function quarters(first: string | undefined, asOf: string) {
  if (!first || first > asOf) return [];
  return quartersBetween(first, asOf).filter((q) => q.end <= asOf).slice(-40);
}

export const FOODWASTE_PUBLISHERS: IndicatorPublisher[] = [
  {
    domain: 'foodwaste',
    metric: 'own_kitchens_food_waste_g_per_meal',
    producer: PRODUCER,
    method: 'Veid matsvinn (lager, tilberedning, servering og tallerkenrester) i kommunale kjøkken som måler i porsjoner, delt på antall serverte porsjoner i de samme kjøkkenene, per kvartal, i gram per porsjon.',
    limits: 'Bare kjøkken som registrerer både svinn og porsjoner teller; et kvartal uten porsjoner for et kjøkken holder det kjøkkenet utenfor. Kjøkken som måler i gjestedøgn eller kroner er ikke med.',
    async compute(ctx, asOf) {
      const { kitchens, rows, act } = await load(ctx);
      const own = new Set(kitchens.filter((k) => k.unit_id && k.activity_kind === 'portions').map((k) => k.id));
      const waste: WasteRecord[] = rows.filter((r) => own.has(r.kitchen_id)).map((r) => ({ kitchenId: r.kitchen_id, date: r.date, kg: Number(r.kg), stage: r.stage, category: r.category, reason: r.reason, destination: r.destination }));
      const activity: ActivityRecord[] = act.filter((a) => own.has(a.kitchen_id)).map((a) => ({ kitchenId: a.kitchen_id, date: a.date, amount: Number(a.amount) }));
      const out: Obs[] = [];
      for (const q of quarters([...waste.map((w) => w.date)].sort()[0], asOf)) {
        // Per kitchen, only kitchens with both waste and portions in the quarter.
        let kg = 0;
        let portions = 0;
        let n = 0;
        for (const id of own) {
          const r = intensity(waste.filter((w) => w.kitchenId === id), activity.filter((a) => a.kitchenId === id), 'portions', q.start, q.end);
          if (r.kg > 0 && r.activity > 0) {
            kg += r.kg;
            portions += r.activity;
            n++;
          }
        }
        if (portions > 0) out.push({ period: q.period, date: q.end, value: Math.round((kg / portions) * 10000) / 10, note: `${fmt(kg)} kg over ${fmt(portions, 0)} porsjoner i ${n} kjøkken` });
      }
      return out;
    },
  },
  {
    domain: 'foodwaste',
    metric: 'own_kitchens_food_waste_kg',
    producer: PRODUCER,
    method: 'Sum av veid matsvinn i alle kommunale kjøkken per kvartal, i kg.',
    limits: 'Avhenger av hvor mange kjøkken som veier: flere kjøkken som begynner å veie, gir høyere sum uten at svinnet har økt.',
    async compute(ctx, asOf) {
      const { kitchens, rows } = await load(ctx);
      const own = new Set(kitchens.filter((k) => k.unit_id).map((k) => k.id));
      const mine = rows.filter((r) => own.has(r.kitchen_id));
      return quarters(mine[0]?.date, asOf).flatMap((q) => {
        const inQ = mine.filter((r) => r.date >= q.start && r.date <= q.end);
        if (!inQ.length) return [];
        const kg = inQ.reduce((s, r) => s + Number(r.kg), 0);
        return [{ period: q.period, date: q.end, value: Math.round(kg * 10) / 10, note: `${inQ.length} registreringer i ${new Set(inQ.map((r) => r.kitchen_id)).size} kjøkken` }];
      });
    },
  },
  {
    domain: 'foodwaste',
    metric: 'external_businesses_reporting',
    producer: PRODUCER,
    method: 'Antall eksterne virksomheter (butikker, hoteller, restauranter, institusjoner) som har registrert matsvinn i kvartalet.',
    limits: 'Teller bare virksomheter som registrerer i plattformen.',
    async compute(ctx, asOf) {
      const { kitchens, rows } = await load(ctx);
      const orgOf = new Map(kitchens.filter((k) => k.organisation_id).map((k) => [k.id, k.organisation_id!]));
      const ext = rows.filter((r) => orgOf.has(r.kitchen_id));
      return quarters(ext[0]?.date, asOf).map((q) => ({ period: q.period, date: q.end, value: new Set(ext.filter((r) => r.date >= q.start && r.date <= q.end).map((r) => orgOf.get(r.kitchen_id))).size }));
    },
  },
  {
    domain: 'foodwaste',
    metric: 'surplus_redistributed_kg',
    producer: PRODUCER,
    method: 'Overskuddsmat som mottakere har hentet (bekreftet henting) per kvartal, i kg.',
    limits: 'Bare tilbud formidlet gjennom plattformen; avtaler direkte mellom giver og mottaker er ikke med.',
    async compute(ctx, asOf) {
      const { offers } = await load(ctx);
      const done = offers.filter((o) => o.status === 'collected' && o.closed_at).map((o) => ({ date: o.closed_at!.slice(0, 10), kg: Number(o.kg) })).sort((a, b) => a.date.localeCompare(b.date));
      return quarters(done[0]?.date, asOf).map((q) => {
        const inQ = done.filter((d) => d.date >= q.start && d.date <= q.end);
        return { period: q.period, date: q.end, value: Math.round(inQ.reduce((s, d) => s + d.kg, 0) * 10) / 10, note: `${inQ.length} hentinger` };
      });
    },
  },
];
