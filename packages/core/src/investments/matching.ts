// Matching holdings to exclusion-list entries: exact ISIN, then exact LEI, then the
// normalised name (and every former or alternative name), then a fuzzy similarity over
// weighted tokens with the country as a qualifier. Candidates for the fuzzy step come from
// an inverted index of tokens, so a holding is compared with a handful of entries, not all.

import { AMBIGUOUS_ABBREVIATIONS, WEAK_WORDS, normalisedVariants, normaliseName, squashUmlauts, type NormalisedName } from './normalise.js';
import { boundedLevenshtein, jaroWinkler } from './similarity.js';

export interface ListEntryInput {
  name: string;
  isin?: string | null;
  lei?: string | null;
  country?: string | null;
  /** Former or alternative names besides those written into `name` ("formerly …"). */
  aliases?: readonly string[];
}

export interface HoldingInput {
  name: string;
  isin?: string | null;
  lei?: string | null;
  country?: string | null;
}

export type HoldingMatchMethod = 'isin' | 'lei' | 'name' | 'alias' | 'fuzzy';
export type HoldingMatchStatus = 'match' | 'review';

/** What a person reviewing a match is shown. */
export interface HoldingMatchEvidence {
  /** The list name (or former name) the holding matched. */
  listVariant: string;
  holdingKey: string;
  listKey: string;
  sharedTokens: string[];
  onlyInHolding: string[];
  onlyInList: string[];
  /** Country codes when both sides have one. */
  countries: { holding: string; list: string } | null;
  /** Plain-language reason in Norwegian. */
  reason: string;
}

export interface HoldingMatch {
  holdingIndex: number;
  listIndex: number;
  method: HoldingMatchMethod;
  /** 0…1; 1 for identifiers and exact names. */
  score: number;
  status: HoldingMatchStatus;
  evidence: HoldingMatchEvidence;
}

export interface MatcherOptions {
  /** Scores at or above are automatic matches. */
  autoThreshold: number;
  /** Scores at or above (and below autoThreshold) go to the review queue. */
  reviewThreshold: number;
  /** Review candidates kept per holding when it has no automatic match. */
  maxReviewPerHolding: number;
}

/** Tuned on the labelled evaluation set (data/reference/investments/evaluation-pairs.csv). */
export const DEFAULT_MATCH_OPTIONS: MatcherOptions = { autoThreshold: 0.9, reviewThreshold: 0.72, maxReviewPerHolding: 3 };

/** Names this short (acronyms such as DNB, DNO, NHPC, NTPC) are matched exactly or not at all. */
const MIN_FUZZY_LENGTH = 6;
/** Tokens named by more list entries than this do not open the candidate search on their own. */
const MAX_POSTING = 5000;
/** Postings longer than this are skipped once rarer keys have found candidates. */
const COMMON_POSTING = 300;
/** Entries scored in full per holding, the best by shared blocking keys. */
const MAX_CANDIDATES = 4;

interface Found {
  entry: number;
  /** The name variant that matched; -1 for identifiers. */
  variant: number;
  method: HoldingMatchMethod;
  score: number;
  contained: boolean;
}

interface Variant {
  entry: number;
  text: string;
  norm: Prepared;
  alias: boolean;
}

const cleanId = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/[\s-]/g, '').toUpperCase();
  return t.length ? t : null;
};
const cleanCountry = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim().toUpperCase();
  return t.length ? t : null;
};

/** Adds v to the posting of k unless it is already its last element (v only grows). */
function post(m: Map<string, number[]>, k: string, v: number) {
  const a = m.get(k);
  if (!a) m.set(k, [v]);
  else if (a[a.length - 1] !== v) a.push(v);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/** An exclusion list prepared for screening: identifier maps, name keys and a token index. */
export class ListIndex {
  readonly options: MatcherOptions;
  private readonly entries: readonly ListEntryInput[];
  private readonly countries: (string | null)[];
  private readonly variants: Variant[] = [];
  private readonly byIsin = new Map<string, number[]>();
  private readonly byLei = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  /** Blocking keys: every token, and the first and last four letters of long tokens (one typo still meets). */
  private readonly byToken = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly bySuffix = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  private readonly maxWeight: number;
  private readonly weights = new Map<string, number>();
  /** Scratch accumulator for the candidate search, one slot per name variant. */
  private readonly acc: Float64Array;
  private usedL = new Uint8Array(16);
  /** Whether the last fuzzyScore found the list name inside the holding's (read right after). */
  private lastContained = false;
  private simH = new Float64Array(16);
  private toH = new Int32Array(16);

  constructor(entries: readonly ListEntryInput[], options: Partial<MatcherOptions> = {}) {
    this.options = { ...DEFAULT_MATCH_OPTIONS, ...options };
    this.entries = entries;
    this.countries = entries.map((e) => cleanCountry(e.country));
    entries.forEach((e, i) => {
      const isin = cleanId(e.isin);
      if (isin) push(this.byIsin, isin, i);
      const lei = cleanId(e.lei);
      if (lei) push(this.byLei, lei, i);
      normalisedVariants(e.name, e.aliases ?? []).forEach(({ text, norm: n }, k) => {
        if (!n.key) return;
        const v = this.variants.length;
        const norm: Prepared = { tokens: n.tokens, key: n.key, compact: n.compact, weights: [], weak: [], squashed: [] };
        this.variants.push({ entry: i, text, norm, alias: k > 0 });
        push(this.byKey, norm.key, v);
        push(this.byCompact, norm.compact, v);
        for (const t of norm.tokens) {
          const seen = this.byToken.get(t);
          if (seen && seen[seen.length - 1] === v) continue; // the same word twice in one name
          this.df.set(t, (this.df.get(t) ?? 0) + 1);
          if (t.length < 2 || WEAK_WORDS.has(t)) continue;
          post(this.byToken, t, v);
          const sq = squashUmlauts(t);
          if (sq !== t) post(this.byToken, sq, v);
          if (t.length >= 7) {
            post(this.byPrefix, t.slice(0, 4), v);
            post(this.bySuffix, t.slice(-4), v);
          }
        }
      });
    });
    this.maxWeight = Math.log(1 + (this.variants.length + 1) / 0.5);
    this.acc = new Float64Array(this.variants.length);
    for (const [t, df] of this.df) this.weights.set(t, (WEAK_WORDS.has(t) ? 0.25 : 1) * Math.log(1 + (this.variants.length + 1) / df));
    for (const v of this.variants) v.norm = this.prepare(v.norm);
  }

  private prepare(n: NormalisedName): Prepared {
    const weights: number[] = [];
    const weak: boolean[] = [];
    const squashed: string[] = [];
    for (const t of n.tokens) {
      weights.push(this.weight(t));
      weak.push(WEAK_WORDS.has(t));
      squashed.push(squashUmlauts(t));
    }
    return { tokens: n.tokens, key: n.key, compact: n.compact, weights, weak, squashed };
  }

  get size(): number {
    return this.entries.length;
  }

  /** The weight of a token: rare tokens say more about which company is meant. */
  weight(token: string): number {
    return this.weights.get(token) ?? (WEAK_WORDS.has(token) ? 0.25 * this.maxWeight : this.maxWeight);
  }

  /** Every list entry the holding matches, automatically or for review, best first. */
  screen(h: HoldingInput, holdingIndex = 0): HoldingMatch[] {
    // Found pairs are kept lean (entry, variant, method, score) and given evidence at the end.
    const found: Found[] = [];
    const keep = (entry: number, variant: number, method: HoldingMatchMethod, score: number, contained: boolean) => {
      for (const f of found) {
        if (f.entry !== entry) continue;
        if (score > f.score) Object.assign(f, { variant, method, score, contained });
        return;
      }
      found.push({ entry, variant, method, score, contained });
    };
    const hNorm = normaliseName(h.name);
    const hCountry = cleanCountry(h.country);
    const isin = cleanId(h.isin);
    if (isin) for (const i of this.byIsin.get(isin) ?? []) keep(i, -1, 'isin', 1, false);
    const lei = cleanId(h.lei);
    if (lei) for (const i of this.byLei.get(lei) ?? []) if (!found.some((f) => f.entry === i)) keep(i, -1, 'lei', 1, false);

    let exactAuto = false;
    const byKey = hNorm.key ? this.byKey.get(hNorm.key) : undefined;
    const byCompact = hNorm.key ? this.byCompact.get(hNorm.compact) : undefined;
    // Exact names (or the same letters without spaces: "ExxonMobil" = "Exxon Mobil").
    for (const list of [byKey, byCompact]) {
      if (!list) continue;
      for (const v of list) {
        const variant = this.variants[v]!;
        if (found.some((f) => f.entry === variant.entry && (f.method === 'isin' || f.method === 'lei'))) continue;
        const c = this.countries[variant.entry];
        const conflict = hCountry !== null && c !== null && c !== hCountry;
        const score = conflict ? 0.85 : variant.alias ? 0.98 : 1;
        if (score >= this.options.autoThreshold) exactAuto = true;
        keep(variant.entry, v, variant.alias ? 'alias' : 'name', score, false);
      }
    }

    // Fuzzy: only entries that share a blocking key with the holding; not needed when the
    // name is already on the list as it stands.
    if (!exactAuto && hNorm.compact.length >= MIN_FUZZY_LENGTH) {
      const cands = this.candidates(hNorm);
      const hPrep = cands.length ? this.prepare(hNorm) : null;
      for (const v of cands) {
        if (byKey?.includes(v) || byCompact?.includes(v)) continue;
        const variant = this.variants[v]!;
        if (variant.norm.compact.length < MIN_FUZZY_LENGTH) continue;
        const s = this.fuzzyScore(hPrep!, variant.norm);
        if (s < 0) continue;
        const c = this.countries[variant.entry];
        const conflict = hCountry !== null && c !== null && c !== hCountry;
        const score = Math.round((conflict ? s - 0.12 : s) * 1000) / 1000;
        if (score < this.options.reviewThreshold) continue;
        keep(variant.entry, v, 'fuzzy', score, this.lastContained);
      }
    }
    if (!found.length) return [];
    found.sort((a, b) => b.score - a.score || a.entry - b.entry);
    const auto = found.filter((f) => f.score >= this.options.autoThreshold);
    return (auto.length ? auto : found.slice(0, this.options.maxReviewPerHolding)).map((f) => this.present(f, hNorm, hCountry, holdingIndex, isin, lei));
  }

  private present(f: Found, hNorm: NormalisedName, hCountry: string | null, holdingIndex: number, isin: string | null, lei: string | null): HoldingMatch {
    const variant = f.variant >= 0 ? this.variants[f.variant]! : null;
    const countries = this.countryPair(hCountry, f.entry);
    const conflict = countries !== null && countries.holding !== countries.list;
    const other = conflict ? `, ulikt land (${countries.holding} / ${countries.list})` : '';
    const reason =
      f.method === 'isin'
        ? `Samme ISIN (${isin})`
        : f.method === 'lei'
          ? `Samme LEI (${lei})`
          : f.method === 'fuzzy'
            ? `Lignende navn (likhet ${Math.round(f.score * 100)} %${f.contained ? ', listenavnet er en del av beholdningens navn' : ''})${other}`
            : `${f.method === 'alias' ? 'Samme navn som et tidligere eller annet navn på listen' : 'Samme navn etter normalisering'}${other}`;
    return {
      holdingIndex,
      listIndex: f.entry,
      method: f.method,
      score: f.score,
      status: f.score >= this.options.autoThreshold ? 'match' : 'review',
      evidence: {
        ...this.tokenEvidence(hNorm, variant ? variant.norm : normaliseName(this.entries[f.entry]!.name)),
        listVariant: variant ? variant.text : this.entries[f.entry]!.name,
        countries,
        reason,
      },
    };
  }

  private countryPair(holding: string | null, listIndex: number): { holding: string; list: string } | null {
    const list = this.countries[listIndex];
    return holding && list ? { holding, list } : null;
  }

  /**
   * Entries that share blocking keys with the name, best first: each shared key adds its
   * weight, and only entries within half of the best total are kept (at most MAX_CANDIDATES),
   * so a generic word such as "Energy" never sends hundreds of entries to scoring.
   */
  private candidates(n: NormalisedName): number[] {
    const acc = this.acc;
    const touched: number[] = [];
    let best = 0;
    let fallback: number[] | null = null;
    // Postings to walk and their weights, rarest first (few: one to three per word).
    const ps: number[][] = [];
    const ws: number[] = [];
    const n1 = this.variants.length + 1;
    const add = (p: number[] | undefined, w: number) => {
      if (!p || ps.includes(p)) return;
      let i = ps.length;
      while (i > 0 && ps[i - 1]!.length > p.length) i--;
      ps.splice(i, 0, p);
      ws.splice(i, 0, w);
    };
    for (const t of n.tokens) {
      if (t.length < 2 || WEAK_WORDS.has(t)) continue;
      const exact = this.byToken.get(t);
      add(exact, this.weight(t));
      const sq = squashUmlauts(t);
      if (sq !== t) add(this.byToken.get(sq), this.weight(t));
      // Typo keys only for a word the list does not have as written.
      if (!exact && t.length >= 7) {
        const p = this.byPrefix.get(t.slice(0, 4));
        if (p) add(p, 0.5 * Math.log(1 + n1 / p.length));
        const q = this.bySuffix.get(t.slice(-4));
        if (q) add(q, 0.5 * Math.log(1 + n1 / q.length));
      }
    }
    for (let k = 0; k < ps.length; k++) {
      const p = ps[k]!;
      if (p.length > MAX_POSTING || (p.length > COMMON_POSTING && touched.length)) {
        // A common word: it cannot single out a company, and a rarer one already found candidates.
        if (!fallback || p.length < fallback.length) fallback = p;
        continue;
      }
      const w = ws[k]!;
      for (let i = 0; i < p.length; i++) {
        const v = p[i]!;
        if (acc[v] === 0) touched.push(v);
        const x = acc[v]! + w;
        acc[v] = x;
        if (x > best) best = x;
      }
    }
    if (!touched.length && fallback) for (const v of fallback.slice(0, MAX_CANDIDATES)) (touched.push(v), (acc[v] = 1));
    const cut = best * 0.7;
    let kept = touched.filter((v) => acc[v]! >= cut);
    if (kept.length > MAX_CANDIDATES) kept = kept.sort((x, y) => acc[y]! - acc[x]!).slice(0, MAX_CANDIDATES);
    for (const v of touched) acc[v] = 0;
    return kept;
  }

  private tokenEvidence(h: NormalisedName, l: NormalisedName): Pick<HoldingMatchEvidence, 'holdingKey' | 'listKey' | 'sharedTokens' | 'onlyInHolding' | 'onlyInList'> {
    const ls = new Set(l.tokens);
    const hs = new Set(h.tokens);
    return {
      holdingKey: h.key,
      listKey: l.key,
      sharedTokens: h.tokens.filter((t) => ls.has(t)),
      onlyInHolding: h.tokens.filter((t) => !ls.has(t)),
      onlyInList: l.tokens.filter((t) => !hs.has(t)),
    };
  }

  /**
   * Weighted token similarity: each holding token aligned with at most one list token (same
   * token 1; one typo in a long token 0.85; a truncated last token of a long name 0.8), then a
   * weighted Dice coefficient, lifted when the whole list name is contained in the holding's
   * ("Rosneft" in "Rosneft Oil Co") and lowered when both names carry distinctive words the
   * other lacks ("Marathon Oil" / "Marathon Petroleum").
   */
  private fuzzyScore(h: Prepared, l: Prepared): number {
    const nh = h.tokens.length;
    const nl = l.tokens.length;
    const used = this.usedL.length >= nl ? this.usedL.fill(0, 0, nl) : (this.usedL = new Uint8Array(nl * 2));
    const hSim = this.simH.length >= nh ? this.simH.fill(0, 0, nh) : (this.simH = new Float64Array(nh * 2));
    const hTo = this.toH.length >= nh ? this.toH.fill(-1, 0, nh) : (this.toH = new Int32Array(nh * 2).fill(-1));
    // Same tokens first, then the looser kinds of likeness for what is left.
    for (let i = 0; i < nh; i++) {
      const t = h.tokens[i]!;
      for (let j = 0; j < nl; j++) {
        if (!used[j] && l.tokens[j] === t) {
          used[j] = 1;
          hSim[i] = 1;
          hTo[i] = j;
          break;
        }
      }
    }
    let exactAll = true;
    for (let i = 0; i < nh; i++) if (hTo[i]! < 0) exactAll = false;
    for (let i = 0; i < nh && !exactAll; i++) {
      if (hTo[i]! >= 0) continue;
      const t = h.tokens[i]!;
      const ts = h.squashed[i]!;
      let best = -1;
      let bestSim = 0;
      for (let j = 0; j < nl; j++) {
        if (used[j]) continue;
        const u = l.tokens[j]!;
        let sim = 0;
        if (l.squashed[j] === ts) sim = 0.95;
        else if (AMBIGUOUS_ABBREVIATIONS.get(t)?.includes(u)) sim = 0.9;
        else if (t.length >= 7 && u.length >= 7 && t.charCodeAt(0) === u.charCodeAt(0)) {
          const d = boundedLevenshtein(t, u, t.length >= 10 ? 2 : 1);
          if (d === 1) sim = t.length >= 10 ? 0.9 : 0.85;
          else if (d === 2 && t.length >= 10) sim = 0.8;
        }
        // An abbreviated or truncated word ("GEN" for Generation, "VUI" for Vuitton); never one
        // letter short, which is how different companies differ (Suncor / Suncorp).
        // Only the last word is cut (fixed-width fields), and never the only one.
        if (!sim && i === nh - 1 && nh >= 2 && t.length >= 3 && u.length >= t.length + 2 && (u.startsWith(t) || l.squashed[j]!.startsWith(ts))) sim = 0.8;
        if (sim > bestSim) {
          bestSim = sim;
          best = j;
        }
      }
      if (best >= 0) {
        used[best] = 1;
        hSim[i] = bestSim;
        hTo[i] = best;
      }
    }
    let matched = 0;
    let strong = 0;
    let wH = 0;
    let unH = 0;
    let weakH = 0;
    for (let i = 0; i < nh; i++) {
      const j = hTo[i]!;
      if (j >= 0) {
        // A matched pair counts with the list token's weight on both sides.
        const lw = l.weights[j]!;
        wH += lw;
        matched += hSim[i]! * lw;
        if (!h.weak[i] && h.tokens[i]!.length >= 3) strong += hSim[i]! * lw;
      } else {
        wH += h.weights[i]!;
        if (h.weak[i]) weakH++;
        else unH += h.weights[i]!;
      }
    }
    if (strong === 0) return -1;
    let wL = 0;
    let unL = 0;
    let weakL = 0;
    for (let j = 0; j < nl; j++) {
      wL += l.weights[j]!;
      if (used[j]) continue;
      if (l.weak[j]) weakL++;
      else unL += l.weights[j]!;
    }
    const dice = (2 * matched) / (wH + wL);
    // The names differ only in generic words that one side adds (Holdings, Group, International).
    const onlyWeak = unH === 0 && unL === 0 && (weakH === 0 || weakL === 0) && strong >= 4;
    // The whole list name inside the holding's, which adds distinctive words ("Cheniere Energy
    // Partners"): often a separately listed subsidiary, so a person decides.
    const contained = !onlyWeak && unL === 0 && strong >= 4;
    const penalty = !onlyWeak && !contained && unH > 0 && unL > 0 ? 0.1 : 0;
    // Jaro-Winkler is at most 1: skip it when even that could not reach the review band.
    if (!onlyWeak && !contained && 0.8 * dice + 0.2 - penalty < this.options.reviewThreshold) return -1;
    let score = 0.8 * dice + 0.2 * jaroWinkler(h.compact, l.compact) - penalty;
    if (onlyWeak) score = Math.max(score, 0.9 + 0.06 * (matched / Math.max(wH, wL)));
    else if (contained) score = Math.max(score, Math.min(0.88, 0.8 + 0.1 * (matched / wH)));
    this.lastContained = contained;
    return Math.min(score, 0.99);
  }
}

/** A normalised name with what the fuzzy step needs per token, computed once. */
interface Prepared extends NormalisedName {
  weights: number[];
  weak: boolean[];
  squashed: string[];
}

/** Screens every holding against a list; matches in holding order. */
export function screenHoldings(list: readonly ListEntryInput[], holdings: readonly HoldingInput[], options: Partial<MatcherOptions> = {}): HoldingMatch[] {
  const index = new ListIndex(list, options);
  const out: HoldingMatch[] = [];
  holdings.forEach((h, i) => {
    for (const m of index.screen(h, i)) out.push(m);
  });
  return out;
}

/** A reviewer's remembered decision on a holding–list pair. */
export interface PairDecision {
  holdingKey: string;
  listKey: string;
  decision: 'confirmed' | 'rejected';
}

/** The key under which a review decision is remembered: the holding's identifier or normalised name. */
export function holdingPairKey(h: HoldingInput): string {
  const isin = cleanId(h.isin);
  return isin ? `isin:${isin}` : `name:${normaliseName(h.name).key}`;
}

/** The key of a list entry for remembered decisions: its identifier or normalised name. */
export function listPairKey(e: ListEntryInput): string {
  const isin = cleanId(e.isin);
  return isin ? `isin:${isin}` : `name:${normaliseName(e.name).key}`;
}

/** Applies remembered decisions: confirmed review matches become matches, rejected ones disappear. */
export function applyDecisions(matches: readonly HoldingMatch[], holdings: readonly HoldingInput[], list: readonly ListEntryInput[], decisions: readonly PairDecision[]): (HoldingMatch & { decided: boolean })[] {
  const byPair = new Map(decisions.map((d) => [`${d.holdingKey}|${d.listKey}`, d.decision]));
  const out: (HoldingMatch & { decided: boolean })[] = [];
  for (const m of matches) {
    const d = byPair.get(`${holdingPairKey(holdings[m.holdingIndex]!)}|${listPairKey(list[m.listIndex]!)}`);
    if (d === 'rejected') continue;
    if (d === 'confirmed') out.push({ ...m, status: 'match', decided: true });
    else out.push({ ...m, decided: false });
  }
  return out;
}
