import { evaluateFootprint, type FootprintAnswers } from './model.js';
import { QUESTION_BY_ID } from './questions.js';

// Pledge actions: each is a change to the answers, so its saving comes from the same model as
// the footprint itself (the saving depends on the person: no flights, no flight saving).

export interface PledgeAction {
  id: string;
  label: { nb: string; en: string };
  description: { nb: string; en: string };
  /** The answers after the action. */
  apply(a: FootprintAnswers): FootprintAnswers;
}

const val = (a: FootprintAnswers, id: string): number | string => a[id] ?? QUESTION_BY_ID.get(id)!.default;
const n = (a: FootprintAnswers, id: string) => val(a, id) as number;
const DIET_LADDER = ['high', 'medium', 'low', 'vegetarian', 'vegan'];

export const PLEDGE_ACTIONS: PledgeAction[] = [
  {
    id: 'fly_less',
    label: { nb: 'Fly halvparten så mye', en: 'Fly half as much' },
    description: { nb: 'Halver antall flyreiser: tog, ferie nærmere hjemme eller videomøte.', en: 'Halve your flights: train, holidays closer to home or video meetings.' },
    apply: (a) => ({ ...a, 'transport.flights_domestic': n(a, 'transport.flights_domestic') / 2, 'transport.flights_europe': n(a, 'transport.flights_europe') / 2, 'transport.flights_long': n(a, 'transport.flights_long') / 2 }),
  },
  {
    id: 'plant_based_days',
    label: { nb: 'Flere plantebaserte dager', en: 'More plant-based days' },
    description: { nb: 'Ett trinn ned i kjøtt: for eksempel fra middels til lite kjøtt.', en: 'One step down in meat: from medium to little meat, for example.' },
    apply: (a) => {
      const d = val(a, 'food.diet') as string;
      const i = DIET_LADDER.indexOf(d === 'pescatarian' ? 'low' : d);
      return i < 0 || i === DIET_LADDER.length - 1 ? a : { ...a, 'food.diet': DIET_LADDER[i + 1]! };
    },
  },
  {
    id: 'car_to_transit',
    label: { nb: 'Bytt bilturer med kollektiv, sykkel og gange', en: 'Swap car trips for public transport, cycling and walking' },
    description: { nb: 'En tredjedel av bilkilometerne blir kollektivreiser.', en: 'A third of your car kilometres become public transport.' },
    apply: (a) => ({ ...a, 'transport.car_km': (n(a, 'transport.car_km') * 2) / 3, 'transport.public_km': n(a, 'transport.public_km') + n(a, 'transport.car_km') / 3 }),
  },
  {
    id: 'repair_reuse',
    label: { nb: 'Reparer og kjøp brukt', en: 'Repair and buy second-hand' },
    description: { nb: 'Kjøp 30 % mindre nye klær, møbler og fritidsutstyr.', en: 'Buy 30 % fewer new clothes, furniture and leisure goods.' },
    apply: (a) => ({ ...a, 'goods.clothing_nok': n(a, 'goods.clothing_nok') * 0.7, 'goods.furnishings_nok': n(a, 'goods.furnishings_nok') * 0.7, 'goods.leisure_nok': n(a, 'goods.leisure_nok') * 0.7 }),
  },
  {
    id: 'keep_phone_longer',
    label: { nb: 'Behold mobil og PC lenger', en: 'Keep your phone and computer longer' },
    description: { nb: 'Fire år i stedet for tre: en firedel mindre kjøp av elektronikk.', en: 'Four years instead of three: a quarter less spent on electronics.' },
    apply: (a) => ({ ...a, 'goods.electronics_nok': n(a, 'goods.electronics_nok') * 0.75 }),
  },
  {
    id: 'heat_pump',
    label: { nb: 'Varmepumpe i stedet for olje, gass eller panelovner', en: 'A heat pump instead of oil, gas or panel heaters' },
    description: { nb: 'Varm opp boligen med varmepumpe.', en: 'Heat your home with a heat pump.' },
    apply: (a) => (['electric', 'gas', 'oil'].includes(val(a, 'housing.heating') as string) ? { ...a, 'housing.heating': 'heat_pump' } : a),
  },
];

export const PLEDGE_ACTION_IDS = PLEDGE_ACTIONS.map((p) => p.id);

export interface PledgeSaving {
  id: string;
  savingKg: number;
}

/** Each action's saving for this person (kg CO2e per year), largest first. */
export function pledgeSavings(answers: FootprintAnswers = {}): PledgeSaving[] {
  const base = evaluateFootprint(answers).totalKg;
  return PLEDGE_ACTIONS.map((p) => ({ id: p.id, savingKg: Math.max(0, base - evaluateFootprint(p.apply(answers)).totalKg) })).sort((x, y) => y.savingKg - x.savingKg);
}

export interface HalvingPlan {
  totalKg: number;
  halfKg: number;
  /** How far above half of the average the person is (0 when already below). */
  gapKg: number;
  /** The footprint after taking every action together. */
  afterAllKg: number;
  reachesHalf: boolean;
  /** The actions in order of saving with the footprint after each one is added. */
  steps: { id: string; savingKg: number; afterKg: number }[];
}

/** What halving would take: the actions applied one after another, largest saving first. */
export function halvingPlan(answers: FootprintAnswers = {}): HalvingPlan {
  const start = evaluateFootprint(answers);
  let current = answers;
  let currentKg = start.totalKg;
  const steps: HalvingPlan['steps'] = [];
  for (const s of pledgeSavings(answers)) {
    if (s.savingKg <= 0) continue;
    const next = PLEDGE_ACTIONS.find((p) => p.id === s.id)!.apply(current);
    const kg = evaluateFootprint(next).totalKg;
    steps.push({ id: s.id, savingKg: currentKg - kg, afterKg: kg });
    current = next;
    currentKg = kg;
  }
  return { totalKg: start.totalKg, halfKg: start.halfKg, gapKg: Math.max(0, start.totalKg - start.halfKg), afterAllKg: currentKg, reachesHalf: currentKg <= start.halfKg, steps };
}
