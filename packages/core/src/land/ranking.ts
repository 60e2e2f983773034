// Transparent multi-criteria ranking of applicants for a municipal business plot (program point B3).
// Pure: the same rules serve the CLI (`omstilling land rank CALL.json`), the server and the pages.
// The method is documented in docs/land-rank.md; every number the ranking shows can be recomputed
// by hand from the raw values, the normalisation and the weights.

export const RANK_NORMALISATIONS = ['max', 'minmax'] as const;
export type RankNormalisation = (typeof RANK_NORMALISATIONS)[number];
export const RANK_DIRECTIONS = ['higher', 'lower'] as const;
export type RankDirection = (typeof RANK_DIRECTIONS)[number];

export interface RankCriterion {
  id: string;
  /** Share of the 100 points, ≥ 0; all weights sum to 100. */
  weight: number;
  direction: RankDirection;
}
export interface RankApplicant {
  id: string;
  values: Record<string, number>;
}
export interface RankInput {
  normalisation: RankNormalisation;
  criteria: RankCriterion[];
  applicants: RankApplicant[];
}

export const RANK_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_NORMALISATION',
  'NO_CRITERIA',
  'INVALID_CRITERION',
  'DUPLICATE_CRITERION',
  'INVALID_DIRECTION',
  'INVALID_WEIGHT',
  'NEGATIVE_WEIGHT',
  'WEIGHTS_NOT_100',
  'INVALID_APPLICANT',
  'DUPLICATE_APPLICANT',
  'UNKNOWN_CRITERION',
  'MISSING_VALUE',
  'INVALID_VALUE',
  'NEGATIVE_VALUE',
] as const;
export type RankErrorCode = (typeof RANK_ERROR_CODES)[number];
export interface RankError {
  code: RankErrorCode;
  message: string;
  criterion?: string;
  applicant?: string;
}

/** One criterion of one applicant: every step from the raw value to its points. */
export interface RankStep {
  criterion: string;
  direction: RankDirection;
  raw: number;
  normalised: number;
  weight: number;
  points: number;
}
export interface RankedApplicant {
  applicant: string;
  /** Competition ranking: tied applicants share a rank (1, 1, 3). */
  rank: number;
  /** Σ weight × normalised value, 0–100 (exactly the sum of the contributions). */
  score: number;
  contributions: Record<string, number>;
  steps: RankStep[];
  /** Other applicants with the same score (within 1e-9 points). */
  tiedWith: string[];
}
export interface RankCriterionBounds {
  criterion: string;
  min: number;
  max: number;
}
export interface RankResult {
  normalisation: RankNormalisation | null;
  ranking: RankedApplicant[];
  errors: RankError[];
  /** Groups of applicants sharing a rank, in ranking order. */
  ties: string[][];
  bounds: RankCriterionBounds[];
}

/** Scores closer than this are a tie. */
export const RANK_TIE_EPSILON = 1e-9;
const WEIGHT_EPSILON = 1e-6;

export const RANK_NORMALISATION_FORMULAS: Record<RankNormalisation, { higher: string; lower: string; note: { nb: string; en: string } }> = {
  max: {
    higher: 'v / max',
    lower: 'min / v',
    note: {
      nb: 'Verdiene må være 0 eller mer. Høyere er bedre: har ingen noe (max = 0), får alle 0. Lavere er bedre: v = 0 gir 1 (ingen kan være lavere); er min = 0, får alle andre 0.',
      en: 'Values must be 0 or more. Higher is better: when nobody has any (max = 0), everyone gets 0. Lower is better: v = 0 gives 1 (nothing is lower); when min = 0, everyone else gets 0.',
    },
  },
  minmax: {
    higher: '(v − min) / (max − min)',
    lower: '(max − v) / (max − min)',
    note: { nb: 'Er alle verdiene like (max = min), får alle 1.', en: 'When all values are equal (max = min), everyone gets 1.' },
  },
};
export const RANK_SCORE_FORMULA = { nb: 'Poeng = Σ vekt × normalisert verdi (0–100)', en: 'Score = Σ weight × normalised value (0–100)' };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** Checks an input of unknown shape; every problem is listed with its code (nothing is ranked when there is one). */
export function validateRankInput(json: unknown): { input: RankInput | null; errors: RankError[] } {
  const errors: RankError[] = [];
  if (!isObj(json)) return { input: null, errors: [{ code: 'INVALID_INPUT', message: 'Inndata må være et JSON-objekt med normalisation, criteria og applicants' }] };
  const normalisation = json.normalisation ?? 'max';
  if (typeof normalisation !== 'string' || !(RANK_NORMALISATIONS as readonly string[]).includes(normalisation)) errors.push({ code: 'UNKNOWN_NORMALISATION', message: `Ukjent normalisering «${String(normalisation)}»; bruk ${RANK_NORMALISATIONS.join(' eller ')}` });
  const criteria: RankCriterion[] = [];
  if (!Array.isArray(json.criteria) || json.criteria.length === 0) errors.push({ code: 'NO_CRITERIA', message: 'Det må være minst ett kriterium (criteria)' });
  else {
    const seen = new Set<string>();
    json.criteria.forEach((c, i) => {
      if (!isObj(c) || typeof c.id !== 'string' || c.id.trim() === '') return void errors.push({ code: 'INVALID_CRITERION', message: `Kriterium nr. ${i + 1} mangler id` });
      const id = c.id;
      if (seen.has(id)) errors.push({ code: 'DUPLICATE_CRITERION', message: `Kriteriet «${id}» står mer enn én gang`, criterion: id });
      seen.add(id);
      if (c.direction !== 'higher' && c.direction !== 'lower') errors.push({ code: 'INVALID_DIRECTION', message: `Kriteriet «${id}»: retning må være higher (høyere er bedre) eller lower (lavere er bedre)`, criterion: id });
      if (typeof c.weight !== 'number' || !Number.isFinite(c.weight)) errors.push({ code: 'INVALID_WEIGHT', message: `Kriteriet «${id}»: vekten må være et tall`, criterion: id });
      else if (c.weight < 0) errors.push({ code: 'NEGATIVE_WEIGHT', message: `Kriteriet «${id}»: vekten kan ikke være negativ (${fmt(c.weight)})`, criterion: id });
      criteria.push({ id, weight: typeof c.weight === 'number' ? c.weight : NaN, direction: c.direction as RankDirection });
    });
    const weights = criteria.map((c) => c.weight);
    if (weights.every((w) => Number.isFinite(w))) {
      const sum = weights.reduce((s, w) => s + w, 0);
      if (Math.abs(sum - 100) > WEIGHT_EPSILON) errors.push({ code: 'WEIGHTS_NOT_100', message: `Vektene summerer til ${fmt(sum)}, ikke 100` });
    }
  }
  const known = new Set(criteria.map((c) => c.id));
  const applicants: RankApplicant[] = [];
  if (!Array.isArray(json.applicants)) errors.push({ code: 'INVALID_INPUT', message: 'applicants må være en liste (den kan være tom)' });
  else {
    const seen = new Set<string>();
    json.applicants.forEach((a, i) => {
      if (!isObj(a) || typeof a.id !== 'string' || a.id.trim() === '') return void errors.push({ code: 'INVALID_APPLICANT', message: `Søker nr. ${i + 1} mangler id` });
      const id = a.id;
      if (seen.has(id)) errors.push({ code: 'DUPLICATE_APPLICANT', message: `Søkeren «${id}» står mer enn én gang`, applicant: id });
      seen.add(id);
      const values = isObj(a.values) ? a.values : {};
      if (!isObj(a.values)) errors.push({ code: 'INVALID_APPLICANT', message: `Søkeren «${id}» mangler values`, applicant: id });
      for (const k of Object.keys(values)) if (!known.has(k)) errors.push({ code: 'UNKNOWN_CRITERION', message: `Søkeren «${id}» har en verdi for «${k}», som ikke er et kriterium i utlysningen`, applicant: id, criterion: k });
      const clean: Record<string, number> = {};
      for (const c of criteria) {
        const v = values[c.id];
        if (v === undefined || v === null) errors.push({ code: 'MISSING_VALUE', message: `Søkeren «${id}» mangler verdi for «${c.id}»`, applicant: id, criterion: c.id });
        else if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ code: 'INVALID_VALUE', message: `Søkeren «${id}»: verdien for «${c.id}» må være et tall`, applicant: id, criterion: c.id });
        else if (v < 0 && normalisation === 'max') errors.push({ code: 'NEGATIVE_VALUE', message: `Søkeren «${id}»: «${c.id}» er negativ (${fmt(v)}); normalisering max krever verdier på 0 eller mer (bruk minmax)`, applicant: id, criterion: c.id });
        else clean[c.id] = v;
      }
      applicants.push({ id, values: clean });
    });
  }
  return errors.length ? { input: null, errors } : { input: { normalisation: normalisation as RankNormalisation, criteria, applicants }, errors };
}

/** The normalised value (0–1) of v among values of one criterion from min to max. */
export function normaliseValue(method: RankNormalisation, direction: RankDirection, v: number, min: number, max: number): number {
  if (method === 'minmax') {
    if (max === min) return 1;
    return direction === 'higher' ? (v - min) / (max - min) : (max - v) / (max - min);
  }
  if (direction === 'higher') return max === 0 ? 0 : v / max;
  return v === 0 ? 1 : min / v;
}

/** The smallest and largest value of each criterion among the applicants. */
export function criterionBounds(input: RankInput): RankCriterionBounds[] {
  return input.criteria.map((c) => {
    const vs = input.applicants.map((a) => a.values[c.id]!);
    return { criterion: c.id, min: vs.length ? Math.min(...vs) : 0, max: vs.length ? Math.max(...vs) : 0 };
  });
}

/** Ranks valid input: highest score first; ties share a rank and keep the input order. */
export function rankValid(input: RankInput): RankResult {
  const bounds = criterionBounds(input);
  const scored = input.applicants.map((a, order) => {
    const steps = input.criteria.map((c, i) => {
      const b = bounds[i]!;
      const raw = a.values[c.id]!;
      const normalised = normaliseValue(input.normalisation, c.direction, raw, b.min, b.max);
      return { criterion: c.id, direction: c.direction, raw, normalised, weight: c.weight, points: c.weight * normalised };
    });
    const score = steps.reduce((s, x) => s + x.points, 0);
    return { applicant: a.id, order, score, steps, contributions: Object.fromEntries(steps.map((s) => [s.criterion, s.points])) };
  });
  scored.sort((x, y) => (Math.abs(y.score - x.score) <= RANK_TIE_EPSILON ? x.order - y.order : y.score - x.score));
  const ranking: RankedApplicant[] = [];
  const ties: string[][] = [];
  let group: string[] = [];
  scored.forEach((s, i) => {
    const prev = ranking[i - 1];
    const tied = prev !== undefined && Math.abs(prev.score - s.score) <= RANK_TIE_EPSILON;
    if (!tied) {
      if (group.length > 1) ties.push(group);
      group = [];
    }
    group.push(s.applicant);
    ranking.push({ applicant: s.applicant, rank: tied ? prev.rank : i + 1, score: s.score, contributions: s.contributions, steps: s.steps, tiedWith: [] });
  });
  if (group.length > 1) ties.push(group);
  for (const t of ties) for (const r of ranking) if (t.includes(r.applicant)) r.tiedWith = t.filter((x) => x !== r.applicant);
  return { normalisation: input.normalisation, ranking, errors: [], ties, bounds };
}

/** Checks and ranks input of unknown shape (the CLI's file); with errors nothing is ranked. */
export function rankApplicants(json: unknown): RankResult {
  const { input, errors } = validateRankInput(json);
  if (!input) return { normalisation: isObj(json) && (RANK_NORMALISATIONS as readonly unknown[]).includes(json.normalisation) ? (json.normalisation as RankNormalisation) : null, ranking: [], errors, ties: [], bounds: [] };
  return rankValid(input);
}

/**
 * The criteria with one criterion's weight set to t (0–100) and the others rescaled
 * proportionally so the sum stays 100. When the others all weigh 0, they share 100 − t equally.
 */
export function reweightCriteria(criteria: readonly RankCriterion[], criterion: string, t: number): RankCriterion[] {
  const k = criteria.find((c) => c.id === criterion);
  if (!k) return [...criteria];
  const rest = 100 - k.weight;
  const others = criteria.length - 1;
  return criteria.map((c) => (c.id === criterion ? { ...c, weight: t } : { ...c, weight: rest > WEIGHT_EPSILON ? (c.weight * (100 - t)) / rest : others ? (100 - t) / others : 0 }));
}

export interface RankLeaderChange {
  /** The weight (0–100) at which another applicant draws level with the leader. */
  at: number;
  /** Who leads beyond that weight. */
  newLeader: string;
}
export interface RankCriterionSensitivity {
  criterion: string;
  weight: number;
  /** The leader stays first (possibly tied at the ends) for weights from stableFrom to stableTo. */
  stableFrom: number;
  stableTo: number;
  /** Lowering the weight below stableFrom makes newLeader first; null when it stays first down to 0. */
  below: RankLeaderChange | null;
  /** Raising it above stableTo makes newLeader first; null when it stays first up to 100. */
  above: RankLeaderChange | null;
}
export interface RankSensitivity {
  leader: string | null;
  /** True when two or more share first place: then no ranges are given. */
  leaderTied: boolean;
  criteria: RankCriterionSensitivity[];
}

/**
 * For each criterion: the range of its weight (the others rescaled proportionally, see reweightCriteria)
 * within which today's leader stays first, and who takes over beyond each end. Exact: with the
 * normalised values fixed, every score is a straight line in the weight.
 */
export function rankSensitivity(input: RankInput): RankSensitivity {
  const r = rankValid(input);
  const top = r.ranking[0];
  if (!top) return { leader: null, leaderTied: false, criteria: [] };
  if (top.tiedWith.length) return { leader: top.applicant, leaderTied: true, criteria: [] };
  const norm = new Map(r.ranking.map((a) => [a.applicant, new Map(a.steps.map((s) => [s.criterion, s.normalised]))]));
  const criteria = input.criteria.map((k): RankCriterionSensitivity => {
    // S_a(t) = t·n_ak + Σ_{j≠k} w_j(t)·n_aj, linear in t: intercept at t = 0 and slope.
    const line = (a: string) => {
      const n = norm.get(a)!;
      const at = (t: number) => reweightCriteria(input.criteria, k.id, t).reduce((s, c) => s + c.weight * n.get(c.id)!, 0);
      const s0 = at(0);
      return { s0, slope: (at(100) - s0) / 100 };
    };
    const L = line(top.applicant);
    let lo = 0;
    let hi = 100;
    let loBy: { id: string; slope: number } | null = null;
    let hiBy: { id: string; slope: number } | null = null;
    for (const other of r.ranking.slice(1)) {
      const B = line(other.applicant);
      const dSlope = L.slope - B.slope;
      const d0 = L.s0 - B.s0;
      if (Math.abs(dSlope) < 1e-12) continue; // parallel: the gap never closes
      const cross = -d0 / dSlope;
      if (dSlope > 0 && cross > lo - 1e-12 && cross < k.weight + 1e-12) {
        // The leader's lead shrinks as the weight falls; B overtakes below cross.
        if (cross > lo + 1e-12 || !loBy || B.slope < loBy.slope) loBy = { id: other.applicant, slope: B.slope };
        lo = Math.max(lo, cross);
      } else if (dSlope < 0 && cross < hi + 1e-12 && cross > k.weight - 1e-12) {
        if (cross < hi - 1e-12 || !hiBy || B.slope > hiBy.slope) hiBy = { id: other.applicant, slope: B.slope };
        hi = Math.min(hi, cross);
      }
    }
    const clamp = (x: number) => Math.min(100, Math.max(0, x));
    return {
      criterion: k.id,
      weight: k.weight,
      stableFrom: clamp(lo),
      stableTo: clamp(hi),
      below: loBy && lo > 1e-9 ? { at: clamp(lo), newLeader: loBy.id } : null,
      above: hiBy && hi < 100 - 1e-9 ? { at: clamp(hi), newLeader: hiBy.id } : null,
    };
  });
  return { leader: top.applicant, leaderTied: false, criteria };
}
