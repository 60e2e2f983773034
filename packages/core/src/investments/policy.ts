// An investment policy as data: the criteria a council adopted (product-based with revenue
// thresholds, conduct-based), and the exclusion lists it adopted. Evaluating a holding
// combines what adopted lists say about the company with company data (revenue shares).

import { foldName } from './normalise.js';

export type PolicyCriterionKind = 'product' | 'conduct';

export interface AbsoluteThreshold {
  /** Metric key in company data, e.g. `thermal_coal_mt` (million tonnes a year). */
  metric: string;
  /** In breach at or above this value. */
  max: number;
  unit: string;
}

export interface PolicyCriterion {
  id: string;
  kind: PolicyCriterionKind;
  label: { nb: string; en: string };
  /** Counts as fossil exposure. */
  fossil: boolean;
  /** Activities (company data feed codes) whose revenue shares are summed. */
  activities: string[];
  /** In breach when the summed revenue share is at or above this (0…1); 0 means any involvement; null: not evaluated on revenue. */
  maxRevenueShare: number | null;
  absolute: AbsoluteThreshold[];
  /** Words that put a list entry's category or criterion under this criterion (case and diacritics ignored). */
  listTerms: string[];
}

export interface InvestmentPolicy {
  title: string;
  /** The decision that adopted the policy. */
  adopted: { body: string; date: string | null; caseNumber: string | null };
  criteria: PolicyCriterion[];
  /** Keys of the exclusion lists the policy adopts; entries on them are breaches whatever their criterion. */
  adoptedLists: string[];
  /** Whether a company on an adopted list's observation list counts as a breach (otherwise it is watched). */
  observationIsBreach: boolean;
}

/** What an exclusion list says about a company a holding matched. */
export interface ListHit {
  listKey: string;
  category: string;
  criterion: string;
  decision: 'exclusion' | 'observation';
  date: string | null;
}

/** Company data from a feed: revenue shares by activity (0…1) and absolute metrics. */
export interface CompanyData {
  revenueShares: Record<string, number>;
  metrics: Record<string, number>;
  source: string;
  year: number | null;
}

export interface PolicyBreach {
  criterionId: string;
  /** `list`: an adopted list names the company; `data`: company data exceeds a threshold. */
  source: 'list' | 'data';
  status: 'breach' | 'watch';
  /** Norwegian, for the finance committee. */
  detail: string;
  listKey: string | null;
}

/** Criterion id used for list entries whose reason matches no criterion of the policy. */
export const OTHER_LIST_CRITERION = 'adopted_list';

export interface InvestmentPolicyIssue {
  field: string;
  message: string;
}

/** Checks a policy's structure; Norwegian messages with the field that is wrong. */
export function validatePolicy(p: InvestmentPolicy): InvestmentPolicyIssue[] {
  const issues: InvestmentPolicyIssue[] = [];
  if (!p.title?.trim()) issues.push({ field: 'title', message: 'Retningslinjene må ha en tittel' });
  if (!p.adopted?.body?.trim()) issues.push({ field: 'adopted.body', message: 'Oppgi hvilket organ som vedtok retningslinjene' });
  if (p.adopted?.date && !/^\d{4}-\d{2}-\d{2}$/.test(p.adopted.date)) issues.push({ field: 'adopted.date', message: 'Vedtaksdato må være ÅÅÅÅ-MM-DD' });
  if (!Array.isArray(p.criteria) || !p.criteria.length) issues.push({ field: 'criteria', message: 'Retningslinjene må ha minst ett kriterium' });
  const ids = new Set<string>();
  (p.criteria ?? []).forEach((c, i) => {
    const f = `criteria[${i}]`;
    if (!/^[a-z][a-z0-9_]*$/.test(c.id ?? '')) issues.push({ field: `${f}.id`, message: `Ugyldig kriterie-id «${c.id}» (små bokstaver, tall og _)` });
    if (ids.has(c.id)) issues.push({ field: `${f}.id`, message: `Kriteriet «${c.id}» finnes to ganger` });
    ids.add(c.id);
    if (c.kind !== 'product' && c.kind !== 'conduct') issues.push({ field: `${f}.kind`, message: 'Type må være product eller conduct' });
    if (!c.label?.nb?.trim()) issues.push({ field: `${f}.label.nb`, message: 'Kriteriet mangler navn på norsk' });
    if (c.maxRevenueShare !== null && !(typeof c.maxRevenueShare === 'number' && c.maxRevenueShare >= 0 && c.maxRevenueShare <= 1)) issues.push({ field: `${f}.maxRevenueShare`, message: 'Inntektsgrensen må være en andel mellom 0 og 1' });
    if (c.maxRevenueShare !== null && !c.activities?.length) issues.push({ field: `${f}.activities`, message: 'En inntektsgrense trenger minst én aktivitet' });
    for (const [k, a] of (c.absolute ?? []).entries()) if (!a.metric || !(a.max > 0)) issues.push({ field: `${f}.absolute[${k}]`, message: 'Absolutt grense trenger måltall og en verdi over 0' });
  });
  return issues;
}

/** The policy criterion a list's category/criterion text falls under, or null. */
export function criterionForListText(policy: InvestmentPolicy, text: string): PolicyCriterion | null {
  const folded = foldName(text);
  let best: { c: PolicyCriterion; len: number } | null = null;
  for (const c of policy.criteria) {
    for (const term of c.listTerms) {
      const t = foldName(term);
      // The longest term wins: "oil sands" before "oil".
      if (t && folded.includes(t) && (!best || t.length > best.len)) best = { c, len: t.length };
    }
  }
  return best?.c ?? null;
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('nb-NO')} %`;

/**
 * The breaches of one holding: each adopted list naming the company (by criterion, or the
 * catch-all when its reason matches none), and each product criterion whose revenue share or
 * absolute threshold the company data reaches. One breach per criterion; a list exclusion
 * outranks an observation and data.
 */
export function evaluateHolding(policy: InvestmentPolicy, hits: readonly ListHit[], data: CompanyData | null): PolicyBreach[] {
  const out = new Map<string, PolicyBreach>();
  const rank = (b: PolicyBreach) => (b.status === 'breach' ? 2 : 0) + (b.source === 'list' ? 1 : 0);
  const put = (b: PolicyBreach) => {
    const prev = out.get(b.criterionId);
    if (!prev || rank(b) > rank(prev)) out.set(b.criterionId, b);
  };
  const adopted = new Set(policy.adoptedLists);
  for (const h of hits) {
    if (!adopted.has(h.listKey)) continue;
    const c = criterionForListText(policy, `${h.criterion} ${h.category}`);
    const status = h.decision === 'exclusion' || policy.observationIsBreach ? 'breach' : 'watch';
    const why = [h.criterion || h.category].filter(Boolean).join('');
    put({
      criterionId: c?.id ?? OTHER_LIST_CRITERION,
      source: 'list',
      status,
      listKey: h.listKey,
      detail: `${h.decision === 'exclusion' ? 'Utelukket' : 'Til observasjon'} på listen «${h.listKey}»${why ? `: ${why}` : ''}${h.date ? ` (${h.date})` : ''}`,
    });
  }
  if (data) {
    for (const c of policy.criteria) {
      if (c.kind !== 'product') continue;
      if (c.maxRevenueShare !== null && c.activities.length) {
        const share = c.activities.reduce((s, a) => s + (data.revenueShares[a] ?? 0), 0);
        const hit = c.maxRevenueShare === 0 ? share > 0 : share >= c.maxRevenueShare;
        if (hit) {
          put({ criterionId: c.id, source: 'data', status: 'breach', listKey: null, detail: `${pct(share)} av inntektene fra ${c.label.nb.toLowerCase()} (grense ${c.maxRevenueShare === 0 ? 'all involvering' : pct(c.maxRevenueShare)}; ${data.source}${data.year ? ` ${data.year}` : ''})` });
          continue;
        }
      }
      for (const a of c.absolute) {
        const v = data.metrics[a.metric];
        if (v !== undefined && v >= a.max) {
          put({ criterionId: c.id, source: 'data', status: 'breach', listKey: null, detail: `${v.toLocaleString('nb-NO')} ${a.unit} (grense ${a.max.toLocaleString('nb-NO')} ${a.unit}; ${data.source}${data.year ? ` ${data.year}` : ''})` });
          break;
        }
      }
    }
  }
  return [...out.values()];
}

export interface ScreenedHoldingValue {
  marketValueOre: number;
  breaches: readonly PolicyBreach[];
  data: CompanyData | null;
}

export interface PortfolioBreachSummary {
  holdings: number;
  totalOre: number;
  /** Holdings with at least one breach (watch only does not count). */
  breachedHoldings: number;
  breachedOre: number;
  breachedShare: number;
  /** Holdings in breach of a fossil criterion. */
  fossilOre: number;
  fossilShare: number;
  /** Market value times the fossil revenue share, for holdings with company data. */
  fossilRevenueWeightedOre: number;
  watchedHoldings: number;
  byCriterion: { criterionId: string; holdings: number; marketValueOre: number; share: number }[];
}

/** Sums a screened portfolio: value in breach overall, by criterion and for fossil criteria. */
export function summarisePortfolio(policy: InvestmentPolicy, holdings: readonly ScreenedHoldingValue[]): PortfolioBreachSummary {
  const fossil = new Set(policy.criteria.filter((c) => c.fossil).map((c) => c.id));
  const fossilActivities = new Set(policy.criteria.filter((c) => c.fossil).flatMap((c) => c.activities));
  const total = holdings.reduce((s, h) => s + h.marketValueOre, 0);
  const by = new Map<string, { holdings: number; marketValueOre: number }>();
  let breachedOre = 0;
  let breached = 0;
  let fossilOre = 0;
  let weighted = 0;
  let watched = 0;
  for (const h of holdings) {
    const real = h.breaches.filter((b) => b.status === 'breach');
    if (real.length) {
      breached++;
      breachedOre += h.marketValueOre;
    } else if (h.breaches.length) watched++;
    if (real.some((b) => fossil.has(b.criterionId))) fossilOre += h.marketValueOre;
    for (const id of new Set(real.map((b) => b.criterionId))) {
      const e = by.get(id) ?? { holdings: 0, marketValueOre: 0 };
      e.holdings++;
      e.marketValueOre += h.marketValueOre;
      by.set(id, e);
    }
    if (h.data) {
      const share = Math.min(1, [...fossilActivities].reduce((s, a) => s + (h.data!.revenueShares[a] ?? 0), 0));
      weighted += Math.round(h.marketValueOre * share);
    }
  }
  const share = (x: number) => (total > 0 ? x / total : 0);
  const order = new Map(policy.criteria.map((c, i) => [c.id, i]));
  return {
    holdings: holdings.length,
    totalOre: total,
    breachedHoldings: breached,
    breachedOre,
    breachedShare: share(breachedOre),
    fossilOre,
    fossilShare: share(fossilOre),
    fossilRevenueWeightedOre: weighted,
    watchedHoldings: watched,
    byCriterion: [...by.entries()]
      .map(([criterionId, e]) => ({ criterionId, ...e, share: share(e.marketValueOre) }))
      .sort((a, b) => (order.get(a.criterionId) ?? 999) - (order.get(b.criterionId) ?? 999)),
  };
}
