// Grant rounds: a call with weighted criteria, applications before a deadline, scores from
// several reviewers (each declaring conflicts of interest), a ranking computed from them, and a
// decision. Shared by every domain that hands out support (enterprise: green and social
// start-ups; circular: reuse and repair schemes). Pure: no clock, no storage.

/** A criterion of a call: its weight in % of the total and the top of its score scale. */
export interface CallCriterion {
  key: string;
  name: string;
  weight: number;
  maxScore: number;
}

export interface CallInput {
  title: string;
  opensAt: string;
  deadline: string;
  budgetNok: number;
  minReviewers: number;
  criteria: CallCriterion[];
}

export interface GrantIssue {
  field: string;
  message: string;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const isInstant = (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);
const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks a call: a title, an opening before the deadline, a positive budget, 1–10 reviewers per
 * application, and 1–12 criteria with unique keys, whole-number weights that sum to exactly 100
 * and a score scale of 1–10 (e.g. 0–6 as in many Norwegian grant schemes).
 */
export function validateCall(c: CallInput): GrantIssue[] {
  const out: GrantIssue[] = [];
  if (!c.title.trim()) out.push({ field: 'title', message: 'Utlysningen trenger en tittel' });
  if (!isInstant(c.opensAt)) out.push({ field: 'opensAt', message: 'Ugyldig åpningstidspunkt' });
  if (!isInstant(c.deadline)) out.push({ field: 'deadline', message: 'Ugyldig søknadsfrist' });
  else if (isInstant(c.opensAt) && Date.parse(c.deadline) <= Date.parse(c.opensAt)) out.push({ field: 'deadline', message: 'Søknadsfristen må være etter at utlysningen åpner' });
  if (!(Number.isFinite(c.budgetNok) && c.budgetNok > 0)) out.push({ field: 'budgetNok', message: 'Rammen må være et beløp over 0 kr' });
  if (!whole(c.minReviewers, 1, 10)) out.push({ field: 'minReviewers', message: 'Hver søknad må vurderes av 1–10 personer' });
  if (c.criteria.length < 1 || c.criteria.length > 12) out.push({ field: 'criteria', message: 'En utlysning har 1–12 kriterier' });
  const seen = new Set<string>();
  c.criteria.forEach((k, i) => {
    const f = `criteria.${i}`;
    if (!KEY.test(k.key)) out.push({ field: `${f}.key`, message: `Kriterium ${i + 1}: nøkkelen må være små bokstaver, sifre og bindestrek` });
    else if (seen.has(k.key)) out.push({ field: `${f}.key`, message: `Kriterium ${i + 1}: nøkkelen «${k.key}» er brukt før` });
    seen.add(k.key);
    if (!k.name.trim()) out.push({ field: `${f}.name`, message: `Kriterium ${i + 1} trenger et navn` });
    if (!whole(k.weight, 1, 100)) out.push({ field: `${f}.weight`, message: `Kriterium ${i + 1}: vekten må være et helt antall prosent, 1–100` });
    if (!whole(k.maxScore, 1, 10)) out.push({ field: `${f}.maxScore`, message: `Kriterium ${i + 1}: høyeste poeng må være 1–10` });
  });
  const sum = c.criteria.reduce((s, k) => s + (Number.isFinite(k.weight) ? k.weight : 0), 0);
  if (c.criteria.length && sum !== 100) out.push({ field: 'criteria', message: `Vektene summerer til ${sum} %; de må summere til 100 %` });
  return out;
}

/** Whether applications are accepted at `nowIso`, and if not, why (in Norwegian). */
export function callOpen(c: Pick<CallInput, 'opensAt' | 'deadline'>, nowIso: string): { open: boolean; message: string | null } {
  if (nowIso < c.opensAt) return { open: false, message: `Utlysningen åpner ${c.opensAt.slice(0, 10)}` };
  if (nowIso >= c.deadline) return { open: false, message: `Søknadsfristen gikk ut ${c.deadline.slice(0, 16).replace('T', ' kl. ')}; søknaden kan ikke sendes inn` };
  return { open: true, message: null };
}

export interface ApplicationInput {
  title: string;
  summary: string;
  amountNok: number;
}

/** Checks an application against its call at `nowIso`: open, a title and summary, an amount within the budget. */
export function validateApplication(a: ApplicationInput, c: CallInput, nowIso: string): GrantIssue[] {
  const out: GrantIssue[] = [];
  const open = callOpen(c, nowIso);
  if (!open.open) out.push({ field: 'deadline', message: open.message! });
  if (!a.title.trim()) out.push({ field: 'title', message: 'Gi prosjektet en tittel' });
  if (a.summary.trim().length < 20) out.push({ field: 'summary', message: 'Beskriv prosjektet med minst 20 tegn' });
  if (!(Number.isFinite(a.amountNok) && a.amountNok > 0)) out.push({ field: 'amountNok', message: 'Søknadsbeløpet må være over 0 kr' });
  else if (a.amountNok > c.budgetNok) out.push({ field: 'amountNok', message: `Søknadsbeløpet er større enn hele rammen (${c.budgetNok.toLocaleString('nb-NO')} kr)` });
  return out;
}

/** A reviewer's review: a conflict of interest declared (no scores), or a score per criterion. */
export interface Review {
  reviewerId: string;
  conflict: boolean;
  scores: Record<string, number>;
}

/** Checks a review before it is saved: a reviewer who declared a conflict may not score; every score a whole number within its scale. */
export function validateReview(r: Review, c: Pick<CallInput, 'criteria'>, declaredConflict: boolean): GrantIssue[] {
  if (declaredConflict && Object.keys(r.scores).length) return [{ field: 'scores', message: 'Du har meldt deg inhabil i denne søknaden og kan ikke gi poeng' }];
  if (r.conflict) return [];
  const out: GrantIssue[] = [];
  for (const k of c.criteria) {
    const s = r.scores[k.key];
    if (s === undefined) out.push({ field: `scores.${k.key}`, message: `Gi poeng for «${k.name}»` });
    else if (!whole(s, 0, k.maxScore)) out.push({ field: `scores.${k.key}`, message: `Poeng for «${k.name}» må være et helt tall fra 0 til ${k.maxScore}` });
  }
  for (const key of Object.keys(r.scores)) if (!c.criteria.some((k) => k.key === key)) out.push({ field: `scores.${key}`, message: `Utlysningen har ikke kriteriet «${key}»` });
  return out;
}

export type RankWarning = 'too_few_reviews' | 'tie';

export interface RankedApplication {
  applicationId: string;
  rank: number;
  /** Weighted total on a 0–100 scale: Σ weight × (mean score / max score). */
  total: number;
  perCriterion: Record<string, { mean: number; contribution: number }>;
  reviewers: number;
  conflicts: number;
  /** Whether the amount applied for fits in what is left of the budget, taken in rank order. */
  withinBudget: boolean;
  warnings: RankWarning[];
}

/**
 * The ranking: for each application, the mean score per criterion over the reviewers who scored
 * it (those who declared a conflict are left out), turned into a weighted total on 0–100:
 * total = Σ_k weight_k × mean_k / max_k. Highest first; equal totals share a rank and are
 * flagged as ties; fewer reviews than the call asks for are flagged. Applications with no
 * scores at all are ranked last with total 0 and flagged. `withinBudget` walks down the
 * ranking adding the amounts applied for until the budget is spent.
 */
export function rankApplications(c: Pick<CallInput, 'criteria' | 'budgetNok' | 'minReviewers'>, applications: readonly { id: string; amountNok: number }[], reviews: readonly (Review & { applicationId: string })[]): RankedApplication[] {
  const rows = applications.map((a) => {
    const mine = reviews.filter((r) => r.applicationId === a.id);
    const scored = mine.filter((r) => !r.conflict);
    const perCriterion: RankedApplication['perCriterion'] = {};
    let total = 0;
    for (const k of c.criteria) {
      const vals = scored.map((r) => r.scores[k.key]).filter((v): v is number => typeof v === 'number');
      const mean = vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : 0;
      const contribution = (k.weight * mean) / k.maxScore;
      perCriterion[k.key] = { mean: round(mean, 2), contribution: round(contribution, 2) };
      total += contribution;
    }
    return { applicationId: a.id, amountNok: a.amountNok, total: round(total, 2), perCriterion, reviewers: scored.length, conflicts: mine.length - scored.length };
  });
  rows.sort((x, y) => y.total - x.total || x.applicationId.localeCompare(y.applicationId));
  let left = c.budgetNok;
  return rows.map((r, i) => {
    const rank = rows.findIndex((x) => x.total === r.total) + 1;
    const warnings: RankWarning[] = [];
    if (r.reviewers < c.minReviewers) warnings.push('too_few_reviews');
    if (rows.some((x, j) => j !== i && x.total === r.total)) warnings.push('tie');
    const withinBudget = r.amountNok <= left;
    if (withinBudget) left -= r.amountNok;
    const { amountNok: _ignored, ...rest } = r;
    return { ...rest, rank, withinBudget, warnings };
  });
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** The life of an application: submitted → granted | declined → (granted) reported. */
export const APPLICATION_STATES = ['submitted', 'granted', 'declined', 'reported'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
