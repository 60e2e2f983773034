// Precision and recall of the matcher on a labelled set of (list name, holding name) pairs.

import { ListIndex, type MatcherOptions } from './matching.js';

export interface LabelledNamePair {
  listName: string;
  listCountry: string | null;
  holdingName: string;
  holdingCountry: string | null;
  same: boolean;
  kind: string;
}

export interface MatcherEvaluation {
  pairs: number;
  positives: number;
  negatives: number;
  auto: { truePositives: number; falsePositives: number; precision: number; recall: number };
  /** Automatic matches and the review band together. */
  withReview: { truePositives: number; falsePositives: number; precision: number; recall: number };
  /** Pairs the matcher got wrong, for tuning: false automatic matches and positives it missed. */
  errors: { pair: LabelledNamePair; outcome: 'match' | 'review' | 'none'; score: number | null }[];
}

/** Parses the evaluation CSV text (list_name;list_country;holding_name;holding_country;same;kind). */
export function parseLabelledPairs(text: string): LabelledNamePair[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => {
    const [listName = '', listCountry = '', holdingName = '', holdingCountry = '', same = '', kind = ''] = l.split(';');
    return { listName, listCountry: listCountry || null, holdingName, holdingCountry: holdingCountry || null, same: same.trim() === '1', kind };
  });
}

/**
 * Screens every holding name of the set against a list made of every list name of the set
 * (so a holding can be drawn to the wrong entry, as in real screening), then scores each
 * labelled pair by what happened to that pair.
 */
export function evaluateMatcher(pairs: readonly LabelledNamePair[], options: Partial<MatcherOptions> = {}): MatcherEvaluation {
  const listNames = [...new Map(pairs.map((p) => [`${p.listName}|${p.listCountry ?? ''}`, { name: p.listName, country: p.listCountry }])).values()];
  const listIdx = new Map(listNames.map((e, i) => [`${e.name}|${e.country ?? ''}`, i]));
  const index = new ListIndex(listNames, options);
  let tpA = 0;
  let fpA = 0;
  let tpR = 0;
  let fpR = 0;
  const errors: MatcherEvaluation['errors'] = [];
  for (const p of pairs) {
    const target = listIdx.get(`${p.listName}|${p.listCountry ?? ''}`)!;
    const m = index.screen({ name: p.holdingName, country: p.holdingCountry }).find((x) => x.listIndex === target);
    const outcome = m ? m.status : 'none';
    if (p.same) {
      if (outcome === 'match') tpA++;
      if (outcome !== 'none') tpR++;
      if (outcome !== 'match') errors.push({ pair: p, outcome, score: m?.score ?? null });
    } else {
      if (outcome === 'match') {
        fpA++;
        errors.push({ pair: p, outcome, score: m?.score ?? null });
      }
      if (outcome !== 'none') fpR++;
    }
  }
  const positives = pairs.filter((p) => p.same).length;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    pairs: pairs.length,
    positives,
    negatives: pairs.length - positives,
    auto: { truePositives: tpA, falsePositives: fpA, precision: ratio(tpA, tpA + fpA), recall: ratio(tpA, positives) },
    withReview: { truePositives: tpR, falsePositives: fpR, precision: ratio(tpR, tpR + fpR), recall: ratio(tpR, positives) },
    errors,
  };
}
