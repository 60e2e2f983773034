// Tender evaluation: price points by a published model, weighted totals, ties, rank reversal and the
// sensitivity of the winner to the environment weight. Every formula is also in docs/procurement.md
// and shown in the evaluation view (PRICE_MODEL_FORMULAS).
import { checkTenderRules, type CriterionKind, type Finding, type RuleException, type RuleResult } from './rules.js';
import { lifeCycleCost, validateLcc, type CarbonPricePoint, type LccInput, type LccResult } from './lcc.js';

/**
 * How price (or life-cycle cost) becomes points, P the bid's price, Pmin the lowest price among the bids:
 * - linear:       points = max × (1 − slope × (P − Pmin) / Pmin); below 0 only when not floored at 0
 * - proportional: points = max × Pmin / P
 * - quality_adjusted: adjusted price A = P − Σₖ valueₖ × pointsₖ / max over the other criteria;
 *   the lowest adjusted price wins; total = max × Amin / A (so the total is on the 0–max scale too).
 *   valueₖ is what the buyer pays at most for full points on criterion k (`valuesNok`), by default
 *   weightₖ / weight of price × Pmin.
 */
export type PriceModel =
  | { kind: 'linear'; maxPoints: number; slope?: number; floorAtZero?: boolean }
  | { kind: 'proportional'; maxPoints: number }
  | { kind: 'quality_adjusted'; maxPoints: number; valuesNok?: Record<string, number> };
export type PriceModelKind = PriceModel['kind'];
export const PRICE_MODEL_KINDS: readonly PriceModelKind[] = ['linear', 'proportional', 'quality_adjusted'];

/** The formulas in words, as shown to officers and bidders. */
export const PRICE_MODEL_FORMULAS: Record<PriceModelKind, { nb: string; en: string }> = {
  linear: { nb: 'poeng = maks × (1 − helning × (P − Pmin) / Pmin)', en: 'points = max × (1 − slope × (P − Pmin) / Pmin)' },
  proportional: { nb: 'poeng = maks × Pmin / P', en: 'points = max × Pmin / P' },
  quality_adjusted: {
    nb: 'justert pris J = P − Σ merverdiₖ × poengₖ / maks; lavest J vinner; total = maks × Jmin / J',
    en: 'adjusted price A = P − Σ valueₖ × pointsₖ / max; lowest A wins; total = max × Amin / A',
  },
};
export const TOTAL_FORMULA = { nb: 'total = Σ vektₖ / 100 × poengₖ', en: 'total = Σ weightₖ / 100 × pointsₖ' } as const;

export interface EvalCriterion {
  id: string;
  kind: CriterionKind;
  weight?: number | null;
  rank?: number | null;
  name?: string;
}

export interface EvalBid {
  id: string;
  name?: string;
  /** Offered price in NOK ex. VAT (for `lcc` criteria also the purchase price unless the LCC input has its own). */
  priceNok: number | null;
  /** Points per non-price criterion on the 0–max scale; a missing score counts as 0 with a warning. */
  points: Record<string, number | null | undefined>;
  lcc?: Omit<LccInput, 'purchasePriceNok'> & { purchasePriceNok?: number } | null;
}

export interface EvaluationInput {
  estimatedValueNok: number;
  weighting?: 'weights' | 'ranking';
  priceModel: PriceModel;
  criteria: readonly EvalCriterion[];
  exception?: RuleException | null;
  bids: readonly EvalBid[];
  carbonPricePath?: readonly CarbonPricePoint[];
}

export interface RankedBid {
  bid: string;
  rank: number;
  /** Weighted total on the 0–max scale. */
  total: number;
  /** Points per criterion on the 0–max scale (price criteria computed by the model). */
  points: Record<string, number>;
  priceNok: number | null;
  /** Life-cycle cost beside the price, when the bid has LCC data. */
  lcc: LccResult | null;
  adjustedPriceNok: number | null;
}

export interface Sensitivity {
  /** The environment weight of the tender in %. */
  envWeight: number;
  /** The winner keeps winning for every environment weight in [from, to] (%), other weights scaled in proportion. */
  from: number;
  to: number;
  winner: string;
}

export interface EvaluationResult {
  ranking: RankedBid[];
  winner: string | null;
  warnings: Finding[];
  errors: Finding[];
  rules: RuleResult;
  sensitivity: Sensitivity | null;
  formulas: { price: string; total: string };
}

const COST_KINDS: readonly CriterionKind[] = ['price', 'lcc'];
const EPS = 1e-9;
const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;
const nok = (n: number) => `${Math.round(n).toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} kr`;

/** Points for one cost by the price model, given the lowest cost among the bids (both > 0). */
export function pricePoints(model: PriceModel, cost: number, minCost: number): number {
  if (model.kind === 'linear') {
    const p = model.maxPoints * (1 - (model.slope ?? 1) * ((cost - minCost) / minCost));
    return model.floorAtZero ? Math.max(0, p) : p;
  }
  return (model.maxPoints * minCost) / cost;
}

interface Prepared {
  bids: readonly EvalBid[];
  costs: Map<string, Map<string, number>>; // criterion id → bid id → cost (price or LCC)
  lcc: Map<string, LccResult>;
}

interface Scored {
  bid: string;
  total: number;
  points: Record<string, number>;
  adjusted: number | null;
}

/** Scores a set of bids with given weights; pure, used again for rank reversal and sensitivity. */
function score(p: Prepared, bids: readonly EvalBid[], criteria: readonly EvalCriterion[], model: PriceModel): Scored[] {
  const ids = new Set(bids.map((b) => b.id));
  const minCost = new Map<string, number>();
  for (const c of criteria) {
    if (!COST_KINDS.includes(c.kind)) continue;
    const m = [...(p.costs.get(c.id) ?? new Map<string, number>()).entries()].filter(([b]) => ids.has(b)).reduce((a, [, v]) => Math.min(a, v), Infinity);
    minCost.set(c.id, m);
  }
  const scored = bids.map((b) => {
    const points: Record<string, number> = {};
    for (const c of criteria) {
      if (COST_KINDS.includes(c.kind)) points[c.id] = pricePoints(model.kind === 'quality_adjusted' ? { kind: 'proportional', maxPoints: model.maxPoints } : model, p.costs.get(c.id)!.get(b.id)!, minCost.get(c.id)!);
      else points[c.id] = typeof b.points[c.id] === 'number' ? (b.points[c.id] as number) : 0;
    }
    let adjusted: number | null = null;
    if (model.kind === 'quality_adjusted') {
      const costC = criteria.find((c) => COST_KINDS.includes(c.kind));
      const cost = costC ? p.costs.get(costC.id)!.get(b.id)! : 0;
      const wCost = costC?.weight ?? 0;
      const base = costC ? minCost.get(costC.id)! : 0;
      adjusted = cost;
      for (const c of criteria) {
        if (COST_KINDS.includes(c.kind)) continue;
        const value = model.valuesNok?.[c.id] ?? (wCost > 0 ? ((c.weight ?? 0) / wCost) * base : 0);
        adjusted -= (value * points[c.id]!) / model.maxPoints;
      }
    }
    const total = criteria.reduce((s, c) => s + ((c.weight ?? 0) / 100) * points[c.id]!, 0);
    return { bid: b.id, total, points, adjusted };
  });
  if (model.kind === 'quality_adjusted') {
    const amin = scored.reduce((m, s) => Math.min(m, s.adjusted!), Infinity);
    for (const s of scored) s.total = amin > 0 ? (model.maxPoints * amin) / s.adjusted! : s.adjusted === amin ? model.maxPoints : 0;
  }
  return scored;
}

/** The single best bid, or null on a tie at the top (or no bids). */
function winnerOf(scored: readonly Scored[]): string | null {
  if (scored.length === 0) return null;
  const best = scored.reduce((m, s) => Math.max(m, s.total), -Infinity);
  const top = scored.filter((s) => Math.abs(s.total - best) < EPS * Math.max(1, Math.abs(best)));
  return top.length === 1 ? top[0]!.bid : null;
}

/** Criteria with the environment weight set to x %, the other weights scaled so that all still sum to 100. */
export function withEnvWeight<C extends EvalCriterion>(criteria: readonly C[], x: number): C[] {
  const env = criteria.filter((c) => c.kind === 'environment').reduce((s, c) => s + (c.weight ?? 0), 0);
  const rest = 100 - env;
  const envCount = criteria.filter((c) => c.kind === 'environment').length;
  return criteria.map((c) => {
    const w = c.weight ?? 0;
    if (c.kind === 'environment') return { ...c, weight: env > 0 ? (w * x) / env : x / envCount };
    return { ...c, weight: rest > 0 ? (w * (100 - x)) / rest : 0 };
  });
}

function sensitivity(p: Prepared, criteria: readonly EvalCriterion[], model: PriceModel, winner: string): Sensitivity | null {
  const env = criteria.filter((c) => c.kind === 'environment');
  const envWeight = env.reduce((s, c) => s + (c.weight ?? 0), 0);
  if (env.length === 0 || envWeight >= 100 || p.bids.length < 2) return null;
  const wins = (x: number) => winnerOf(score(p, p.bids, withEnvWeight(criteria, x), model)) === winner;
  // Walk out from the current weight in steps of 1 %, then narrow the edge by bisection to 0.01 %.
  const edge = (dir: 1 | -1): number => {
    const bound = dir > 0 ? 100 : 0;
    let inside = envWeight;
    let next = dir > 0 ? Math.floor(inside) + 1 : Math.ceil(inside) - 1;
    while (inside !== bound) {
      const n = dir > 0 ? Math.min(next, bound) : Math.max(next, bound);
      if (!wins(n)) {
        let lo = inside;
        let hi = n;
        while (Math.abs(hi - lo) > 0.005) {
          const mid = (lo + hi) / 2;
          if (wins(mid)) lo = mid;
          else hi = mid;
        }
        return lo;
      }
      inside = n;
      next += dir;
    }
    return inside;
  };
  return { envWeight, from: round(edge(-1), 2), to: round(edge(1), 2), winner };
}

/** Evaluates the bids of a tender: rule check, points per criterion, totals, ranking, warnings, errors, sensitivity. */
export function evaluateTender(input: EvaluationInput): EvaluationResult {
  const rules = checkTenderRules({ estimatedValueNok: input.estimatedValueNok, weighting: input.weighting, criteria: input.criteria, exception: input.exception ?? null });
  const errors: Finding[] = [...rules.errors];
  const warnings: Finding[] = [...rules.warnings];
  const model = input.priceModel;
  const formulas = { price: PRICE_MODEL_FORMULAS[model?.kind]?.nb ?? '', total: TOTAL_FORMULA.nb };
  const done = (ranking: RankedBid[], winner: string | null, sens: Sensitivity | null): EvaluationResult => ({ ranking, winner, warnings, errors, rules, sensitivity: sens, formulas });
  // Errors in the data make any ranking meaningless; a rule breach does not (the officer sees both).
  const blocking = new Set(['WEIGHT_INVALID', 'WEIGHTS_NOT_100', 'NO_CRITERIA', 'DUPLICATE_CRITERION', 'RANK_INVALID']);
  let blocked = errors.some((e) => blocking.has(e.code));

  if (!model || !PRICE_MODEL_KINDS.includes(model.kind)) {
    errors.push({ code: 'PRICE_MODEL_INVALID', message: 'Prismodellen må være lineær, proporsjonal eller kvalitetsjustert pris.' });
    return done([], null, null);
  }
  if (!(model.maxPoints > 0)) {
    errors.push({ code: 'MAX_POINTS_INVALID', message: 'Maks poeng må være større enn 0.' });
    blocked = true;
  }
  if (model.kind === 'linear' && model.slope !== undefined && !(model.slope > 0)) {
    errors.push({ code: 'SLOPE_INVALID', message: 'Helningen i den lineære prismodellen må være større enn 0.' });
    blocked = true;
  }
  if (input.weighting === 'ranking') {
    errors.push({ code: 'EVALUATION_NEEDS_WEIGHTS', message: 'Tilbud kan bare poengberegnes når kriteriene er vektet i prosent; ved rangering vurderes de i protokollen.' });
    return done([], null, null);
  }
  const costCriteria = input.criteria.filter((c) => COST_KINDS.includes(c.kind));
  if (model.kind === 'quality_adjusted' && costCriteria.length !== 1) {
    errors.push({ code: 'QUALITY_ADJUSTED_NEEDS_ONE_PRICE', message: 'Kvalitetsjustert pris krever nøyaktig ett pris- eller livsløpskostnadskriterium.' });
    blocked = true;
  }

  if (input.bids.length === 0) {
    warnings.push({ code: 'NO_BIDS', message: 'Det er ingen tilbud å evaluere.' });
    return done([], null, null);
  }
  const seen = new Set<string>();
  for (const b of input.bids) {
    if (seen.has(b.id)) {
      errors.push({ code: 'DUPLICATE_BID', message: `Tilbudet «${b.id}» står mer enn én gang.`, bid: b.id });
      blocked = true;
    }
    seen.add(b.id);
  }

  const path = input.carbonPricePath ?? [];
  const costs = new Map<string, Map<string, number>>();
  const lcc = new Map<string, LccResult>();
  for (const b of input.bids) {
    if (b.lcc) {
      const lccInput: LccInput = { ...b.lcc, purchasePriceNok: b.lcc.purchasePriceNok ?? b.priceNok ?? 0 };
      const bad = validateLcc(lccInput);
      if (bad.length) {
        errors.push({ code: 'LCC_INVALID', message: `Tilbud ${b.id}: ${bad.map((x) => x.message).join(' ')}`, bid: b.id });
        blocked = true;
      } else lcc.set(b.id, lifeCycleCost(lccInput, path));
    }
  }
  for (const c of costCriteria) {
    const m = new Map<string, number>();
    for (const b of input.bids) {
      const cost = c.kind === 'lcc' ? (lcc.get(b.id)?.lccNok ?? null) : b.priceNok;
      if (c.kind === 'lcc' && !b.lcc) {
        errors.push({ code: 'MISSING_LCC', message: `Tilbud ${b.id} mangler tall for livsløpskostnad (drift, energi, utslipp), som kriteriet «${c.name ?? c.id}» krever.`, bid: b.id, criterion: c.id });
        blocked = true;
      } else if (cost === null || cost === undefined) {
        errors.push({ code: 'MISSING_PRICE', message: `Tilbud ${b.id} mangler pris. Et tilbud uten pris kan ikke evalueres; avklar med leverandøren eller avvis tilbudet.`, bid: b.id });
        blocked = true;
      } else if (!Number.isFinite(cost) || cost < 0) {
        errors.push({ code: 'PRICE_INVALID', message: `Tilbud ${b.id} har en ugyldig pris (${cost}).`, bid: b.id });
        blocked = true;
      } else if (cost === 0) {
        errors.push({
          code: 'PRICE_ZERO',
          message: `Tilbud ${b.id} har ${c.kind === 'lcc' ? 'livsløpskostnad' : 'pris'} 0 kr. Prisformlene regner ut poeng i forhold til laveste pris og kan ikke brukes når den er 0. Undersøk om tilbudet er unormalt lavt (anskaffelsesforskriften § 24-8), og avvis det eller rett prisen.`,
          bid: b.id,
        });
        blocked = true;
      } else m.set(b.id, cost);
    }
    costs.set(c.id, m);
  }
  if (costCriteria.length === 0) warnings.push({ code: 'NO_PRICE_CRITERION', message: 'Konkurransen har ikke noe pris- eller livsløpskostnadskriterium.' });

  const known = new Set(input.criteria.map((c) => c.id));
  for (const b of input.bids) {
    for (const c of input.criteria) {
      if (COST_KINDS.includes(c.kind)) continue;
      const v = b.points?.[c.id];
      if (v === null || v === undefined) warnings.push({ code: 'MISSING_SCORE', message: `Tilbud ${b.id} mangler poeng for «${c.name ?? c.id}»; det er regnet som 0 poeng. Sett poeng før tildeling.`, bid: b.id, criterion: c.id });
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (model.maxPoints > 0 && v > model.maxPoints)) {
        errors.push({ code: 'POINTS_OUT_OF_RANGE', message: `Tilbud ${b.id} har ${String(v)} poeng for «${c.name ?? c.id}»; poeng må være fra 0 til ${model.maxPoints}.`, bid: b.id, criterion: c.id });
        blocked = true;
      }
    }
    for (const k of Object.keys(b.points ?? {})) {
      if (!known.has(k)) warnings.push({ code: 'UNKNOWN_CRITERION', message: `Tilbud ${b.id} har poeng for «${k}», som ikke er et kriterium i konkurransen; de er ikke tatt med.`, bid: b.id, criterion: k });
    }
  }
  if (blocked) return done([], null, null);

  const prepared: Prepared = { bids: input.bids, costs, lcc };
  const scored = score(prepared, input.bids, input.criteria, model);
  if (model.kind === 'quality_adjusted' && scored.some((s) => !(s.adjusted! > 0))) {
    warnings.push({ code: 'ADJUSTED_PRICE_NOT_POSITIVE', message: 'Minst ett tilbud har justert pris på 0 kr eller lavere; merverdiene er for høye i forhold til prisene. Totalene er da bare en rangering.' });
  }
  if (model.kind === 'linear' && !model.floorAtZero && scored.some((s) => input.criteria.some((c) => COST_KINDS.includes(c.kind) && s.points[c.id]! < 0))) {
    warnings.push({ code: 'NEGATIVE_PRICE_POINTS', message: 'Minst ett tilbud får negative prispoeng fordi prisen er mer enn dobbelt så høy som laveste pris (med helning 1). Det er tillatt når modellen ikke har gulv på 0, men bør stå i konkurransegrunnlaget.' });
  }
  const sorted = [...scored].sort((a, b) => b.total - a.total || a.bid.localeCompare(b.bid));
  const ranking: RankedBid[] = [];
  sorted.forEach((s, i) => {
    const prev = ranking[i - 1];
    const same = prev && Math.abs(sorted[i - 1]!.total - s.total) < EPS * Math.max(1, Math.abs(s.total));
    const bid = input.bids.find((b) => b.id === s.bid)!;
    ranking.push({
      bid: s.bid,
      rank: same ? prev.rank : i + 1,
      total: round(s.total),
      points: Object.fromEntries(Object.entries(s.points).map(([k, v]) => [k, round(v)])),
      priceNok: bid.priceNok,
      lcc: lcc.get(s.bid) ?? null,
      adjustedPriceNok: s.adjusted === null ? null : round(s.adjusted, 2),
    });
  });
  const winner = winnerOf(scored);
  if (winner === null) {
    const tied = ranking.filter((r) => r.rank === 1).map((r) => r.bid);
    warnings.push({ code: 'TIE', message: `Tilbudene ${tied.join(' og ')} har lik totalsum (${ranking[0]!.total.toLocaleString('nb-NO')}). Ingen vinner kan kåres av poengene alene; bruk regelen for likhet i konkurransegrunnlaget (for eksempel høyest miljøpoeng eller loddtrekning) og dokumenter valget.` });
  }
  if (input.bids.length === 1) {
    warnings.push({ code: 'SINGLE_BID', message: `Bare ett tilbud (${input.bids[0]!.id}). Det får full prisscore fordi det selv er laveste pris; rangeringskontroll og sensitivitet sier ingenting. Vurder om konkurransen var reell før tildeling.`, bid: input.bids[0]!.id });
  }
  // Rank reversal: the relative price models move when a bid leaves; removing a losing bid must not change the winner.
  if (winner !== null && input.bids.length >= 3) {
    for (const b of input.bids) {
      if (b.id === winner) continue;
      const rest = input.bids.filter((x) => x.id !== b.id);
      const w2 = winnerOf(score(prepared, rest, input.criteria, model));
      if (w2 !== winner) {
        warnings.push({
          code: 'RANK_REVERSAL',
          message: `Rangeringen snur hvis tilbud ${b.id} tas ut: da vinner ${w2 ?? 'ingen alene (likhet)'} i stedet for ${winner}. Tilbud ${b.id} påvirker hvem som vinner uten selv å vinne, fordi prispoengene regnes i forhold til laveste pris. Vurder en prismodell som ikke avhenger av de andre tilbudene, og beskriv dette i protokollen.`,
          bid: b.id,
        });
      }
    }
  }
  for (const [id, l] of lcc) {
    const bid = input.bids.find((b) => b.id === id)!;
    if (bid.priceNok !== null && l.carbonNok > 0 && ranking.length > 1) {
      const cheapest = [...input.bids].filter((x) => x.priceNok !== null).sort((a, b) => a.priceNok! - b.priceNok!)[0];
      if (cheapest?.id === id && winner !== id) {
        warnings.push({ code: 'CHEAPEST_CLIMATE_COST', message: `Det billigste tilbudet (${id}) gir en klimakostnad på ${nok(l.carbonNok)} over levetiden (${Math.round(l.tonnesCo2e * 10) / 10} tonn CO2e til karbonprisbanen).`, bid: id });
      }
    }
  }
  const sens = winner === null ? null : sensitivity(prepared, input.criteria, model, winner);
  return done(ranking, winner, sens);
}
