// Holdings screening (issue 7): 100 000 holdings against 20 000 exclusion-list entries in one
// process, against a straightforward all-pairs Jaro-Winkler baseline on a sample in the same
// run; and precision/recall on the labelled evaluation set. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO = path.resolve(import.meta.dirname, '..');
const CORE = path.join(REPO, 'packages/core/dist/investments/index.js');
if (!fs.existsSync(CORE)) {
  console.error('packages/core/dist is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}
const { ListIndex, evaluateMatcher, parseLabelledPairs, jaroWinkler, foldName } = await import(CORE);

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const HOLDINGS = num('BENCH_INV_HOLDINGS', 100_000);
const LIST = num('BENCH_INV_LIST', 20_000);
const SAMPLE = num('BENCH_INV_SAMPLE', 100);
const TARGETS = { seconds: 2, precision: 0.99, recall: 0.95, recallWithReview: 0.99 };
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// A deterministic generator (mulberry32), so every run screens the same names.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261129);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const SYL = ['ka', 'no', 'ri', 'ta', 'mo', 'sen', 'vik', 'dal', 'ber', 'lin', 'gar', 'tor', 'ham', 'stad', 'ro', 'el', 'an', 'is', 'ul', 'fe', 'mar', 'kon', 'pet', 'sol', 'ner', 'va', 'zu', 'qi', 'hua', 'shen', 'tek', 'dor', 'bra', 'lux', 'ost', 'nor', 'sud', 'wes', 'gal', 'pra'];
const word = () => {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYL);
  return w[0].toUpperCase() + w.slice(1);
};
const GENERIC = ['Energy', 'Oil', 'Power', 'Resources', 'Mining', 'Holdings', 'International', 'Group', 'Bank', 'Industries', 'Petroleum', 'Electric', 'Gas', 'Technologies', 'Motors', 'Chemical', 'Steel', 'Capital', 'Systems', 'Pharmaceuticals'];
const FORMS = ['Inc', 'Corp', 'Ltd', 'PLC', 'ASA', 'AB', 'SA', 'AG', 'SE', 'NV', 'SpA', 'PJSC', 'Co Ltd', 'Limited', 'Corporation', 'A/S', 'Oyj', 'Tbk PT'];
const COUNTRIES = ['US', 'GB', 'NO', 'SE', 'DE', 'FR', 'CN', 'JP', 'IN', 'BR', 'CA', 'AU', 'KR', 'RU'];
const companyName = () => {
  const words = [word()];
  if (rand() < 0.5) words.push(word());
  if (rand() < 0.7) words.push(pick(GENERIC));
  return `${words.join(' ')} ${pick(FORMS)}`;
};
// How a custodian writes a name: upper case, abbreviations, share-class tails.
const custodianStyle = (name) => {
  let s = name.toUpperCase().replace('INTERNATIONAL', 'INTL').replace('HOLDINGS', 'HLDGS').replace('INDUSTRIES', 'INDS').replace('CORPORATION', 'CORP').replace('LIMITED', 'LTD');
  const r = rand();
  if (r < 0.2) s += '-CL A';
  else if (r < 0.3) s += ' ORD';
  else if (r < 0.4) s += '-H';
  return s;
};

const list = [];
for (let i = 0; i < LIST; i++) list.push({ name: companyName(), country: pick(COUNTRIES) });
const holdings = [];
const expected = new Set();
for (let i = 0; i < HOLDINGS; i++) {
  if (rand() < 0.1) {
    const k = Math.floor(rand() * LIST);
    holdings.push({ name: custodianStyle(list[k].name), country: list[k].country });
    expected.add(i);
  } else holdings.push({ name: custodianStyle(companyName()), country: pick(COUNTRIES) });
}

console.log(`Holdings screening · Node ${process.version} · ${fmt(HOLDINGS)} holdings × ${fmt(LIST)} list entries (synthetic names, about 10 % of holdings on the list)`);

// Ours: build the index and screen every holding, one process, one thread.
const c0 = process.cpuUsage();
const t0 = performance.now();
const index = new ListIndex(list);
const t1 = performance.now();
let auto = 0;
let review = 0;
let found = 0;
for (let i = 0; i < holdings.length; i++) {
  const ms = index.screen(holdings[i], i);
  for (const m of ms) m.status === 'match' ? auto++ : review++;
  if (expected.has(i) && ms.some((m) => m.status === 'match')) found++;
}
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
const wallSeconds = (t2 - t0) / 1000;
// CPU time of this process: the machine is shared, and other work on it stretches wall-clock
// time without making the screening any more costly. Both are printed.
const oursSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`   ours: index ${fmt(t1 - t0)} ms + screening ${fmt(t2 - t1)} ms = ${fmt(wallSeconds, 2)} s wall-clock, ${fmt(oursSeconds, 2)} s CPU   (${fmt(auto)} automatic, ${fmt(review)} for review; ${fmt(found)} of ${fmt(expected.size)} planted list names found)`);

// Baseline: every holding against every list name with Jaro-Winkler on lower-cased names,
// run on a sample of holdings and scaled to the whole report.
const lowerList = list.map((e) => foldName(e.name));
const sample = holdings.slice(0, SAMPLE).map((h) => foldName(h.name));
const b0 = performance.now();
const bc0 = process.cpuUsage();
let baselineHits = 0;
for (const h of sample) for (const l of lowerList) if (jaroWinkler(h, l) >= 0.92) baselineHits++;
const bc = process.cpuUsage(bc0);
const b1 = performance.now();
const perHolding = (bc.user + bc.system) / 1e6 / SAMPLE;
const baselineSeconds = perHolding * HOLDINGS;
console.log(`   baseline (all pairs, Jaro-Winkler ≥ 0.92, same Jaro-Winkler code): ${fmt(SAMPLE)} holdings × ${fmt(LIST)} in ${fmt(b1 - b0)} ms wall-clock → ${fmt(baselineSeconds, 1)} s CPU for all ${fmt(HOLDINGS)} (extrapolated; ${fmt(baselineHits)} hits in the sample)`);
console.log(`   ratio baseline ÷ ours (CPU)  ${fmt(baselineSeconds / oursSeconds, 0)}×`);
// The target is elapsed time in one process (the issue: "under 2 seconds on this machine, single
// process"). CPU time is printed beside it: it also counts V8's garbage-collector and compiler
// threads on the other core, and stays put when other work on the machine stretches the wall clock.
const speedOk = wallSeconds < TARGETS.seconds;
console.log(`   screening time ours (wall-clock, index included)  ${fmt(wallSeconds, 2)} s   target < ${TARGETS.seconds} s   ${verdict(speedOk)}   (CPU ${fmt(oursSeconds, 2)} s; load average now ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);

// Accuracy on the labelled evaluation set.
const pairs = parseLabelledPairs(fs.readFileSync(path.join(REPO, 'data/reference/investments/evaluation-pairs.csv'), 'utf8'));
const r = evaluateMatcher(pairs);
console.log(`\n   labelled evaluation set: ${r.pairs} pairs (${r.positives} same company, ${r.negatives} different, near-name traps included)`);
const pOk = r.auto.precision >= TARGETS.precision;
const rOk = r.auto.recall >= TARGETS.recall;
const rrOk = r.withReview.recall >= TARGETS.recallWithReview;
console.log(`   automatic matches: precision ${r.auto.precision.toFixed(4)}   target ≥ ${TARGETS.precision}   ${verdict(pOk)}`);
console.log(`   automatic matches: recall    ${r.auto.recall.toFixed(4)}   target ≥ ${TARGETS.recall}   ${verdict(rOk)}`);
console.log(`   with review band:  recall    ${r.withReview.recall.toFixed(4)}   target ≥ ${TARGETS.recallWithReview}   ${verdict(rrOk)}   (precision ${r.withReview.precision.toFixed(4)}: the reviewer's share of true candidates)`);

// The baseline on the same set, for comparison (its best threshold by F1, so it is not handicapped).
const scored = pairs.map((p) => ({ p, score: jaroWinkler(foldName(p.holdingName), foldName(p.listName)) }));
let bestBase = null;
for (const th of [0.85, 0.88, 0.9, 0.92, 0.94, 0.96]) {
  let tp = 0;
  let fp = 0;
  for (const { p, score } of scored) {
    const hit = score >= th;
    if (hit && p.same) tp++;
    if (hit && !p.same) fp++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp / r.positives;
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  if (!bestBase || f1 > bestBase.f1) bestBase = { th, precision, recall, f1 };
}
console.log(`   baseline on the same set (best threshold ${bestBase.th}): precision ${bestBase.precision.toFixed(4)}, recall ${bestBase.recall.toFixed(4)}`);

const failures = [!speedOk && 'screening time', !pOk && 'precision', !rOk && 'recall', !rrOk && 'recall with review'].filter(Boolean);
console.log(failures.length ? `   FAIL: ${failures.join(', ')}` : '   All investments targets met.');
process.exitCode = failures.length ? 1 : 0;
