// Footprint calculator: our model (core) evaluating one person against Nos Gestes Climat's full
// publicodes model (FR) evaluating one persona, in the same run; and the gzipped JavaScript the
// public calculator page loads on a first visit (Chromium, lazy chunks included). See bench/README.md.
// Run after `npm run build`: node bench/footprint.bench.js
//   BENCH_FOOTPRINT_NGC_RUNS (default 5) timed NGC evaluations; BENCH_FOOTPRINT_PAGE (default /public/footprint)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fork } from 'node:child_process';
import Engine from 'publicodes';

const REPO = path.resolve(import.meta.dirname, '..');
const TARGETS = { speedup: 100, jsBytes: 200_000 };
const NGC_RUNS = Number(process.env.BENCH_FOOTPRINT_NGC_RUNS ?? 5);
const PAGE = process.env.BENCH_FOOTPRINT_PAGE ?? '/public/footprint';
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const failures = [];

const core = await import(path.join(REPO, 'packages/core/dist/index.js'));

// 1. One person's evaluation. Ours: evaluateFootprint(answers) with a full set of answers (every
// question answered, values varied per call so nothing is cached), the mean over many calls.
const answers = core.defaultAnswers();
const OURS_N = 200_000;
let sink = 0;
for (let i = 0; i < 20_000; i++) sink += core.evaluateFootprint({ ...answers, 'transport.car_km': i % 20_000 }).totalKg; // warm-up
let t0 = performance.now();
for (let i = 0; i < OURS_N; i++) sink += core.evaluateFootprint({ ...answers, 'transport.car_km': i % 20_000 }).totalKg;
const oursMs = (performance.now() - t0) / OURS_N;

// Nos Gestes Climat: the engine is built once (not timed); timed is one persona's evaluation:
// engine.setSituation(persona.situation) followed by engine.evaluate('bilan') (setSituation clears
// the engine's cache, so each run evaluates the whole model). Median of NGC_RUNS after one warm-up.
const ngcDir = path.join(REPO, 'node_modules/@incubateur-ademe/nosgestesclimat');
const rules = JSON.parse(fs.readFileSync(path.join(ngcDir, 'public/co2-model.FR-lang.fr.json'), 'utf8'));
const personas = JSON.parse(fs.readFileSync(path.join(ngcDir, 'public/personas-fr.json'), 'utf8'));
// The persona with the most answers (the most work for the model).
const [personaKey, persona] = Object.entries(personas).sort((a, b) => Object.keys(b[1].situation).length - Object.keys(a[1].situation).length)[0];
const quiet = { log() {}, warn() {}, error() {} };
t0 = performance.now();
const engine = new Engine(rules, { logger: quiet });
const buildMs = performance.now() - t0;
engine.setSituation(persona.situation);
const ngcKg = engine.evaluate('bilan').nodeValue;
const ngcTimes = [];
for (let i = 0; i < NGC_RUNS; i++) {
  t0 = performance.now();
  engine.setSituation(persona.situation);
  sink += engine.evaluate('bilan').nodeValue;
  ngcTimes.push(performance.now() - t0);
}
const ngcMs = median(ngcTimes);
const speedup = ngcMs / oursMs;
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')).version;

console.log('Footprint: one person evaluated');
console.log(`   ours: evaluateFootprint(answers), all ${core.FOOTPRINT_QUESTIONS.length} questions answered, mean of ${fmt(OURS_N)} calls   ${fmt(oursMs * 1000, 2)} µs`);
console.log(`   peer: Nos Gestes Climat ${pkgVersion('@incubateur-ademe/nosgestesclimat')} (publicodes ${pkgVersion('publicodes')}), co2-model.FR-lang.fr.json, ${personaKey} (${Object.keys(persona.situation).length} answers, ${fmt(ngcKg)} kg):`);
console.log(`         setSituation + evaluate('bilan'), median of ${NGC_RUNS}   ${fmt(ngcMs, 1)} ms   (runs: ${ngcTimes.map((t) => fmt(t, 0)).join(', ')} ms; building the engine once: ${fmt(buildMs, 0)} ms, not counted)`);
console.log(`   speed-up ours vs peer  ${fmt(speedup, 0)}×   target ≥ ${TARGETS.speedup}×   ${verdict(speedup >= TARGETS.speedup)}`);
if (!(speedup >= TARGETS.speedup)) failures.push('footprint speed-up');
if (!Number.isFinite(sink)) console.log('   (sink)');

// 2. The public calculator page's first load in Chromium: every script it fetches, lazy chunks included.
async function pageScripts() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  if (!fs.existsSync(path.join(REPO, 'packages/web/dist/index.html'))) return { skipped: 'the web app is not built (npm run build)' };
  const server = await new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'server.js'), ['app'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.once('message', ({ port }) => {
      child.removeAllListeners('exit');
      resolve({ url: `http://127.0.0.1:${port}`, stop: () => new Promise((done) => (child.once('exit', () => done()), child.disconnect())) });
    });
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const bodies = [];
    p.on('response', (res) => {
      if (res.request().resourceType() === 'script') bodies.push(res.body().then((b) => ({ url: new URL(res.url()).pathname, bytes: b.length, gzip: zlib.gzipSync(b).length })));
    });
    await p.goto(server.url + PAGE, { waitUntil: 'networkidle' });
    const heading = await p.locator('h1').first().textContent();
    return { files: await Promise.all(bodies), heading };
  } finally {
    await browser.close();
    await server.stop();
  }
}
console.log(`\nFootprint: ${PAGE} first load, gzipped JavaScript (gzip level 6, phone viewport)`);
const page = await pageScripts().catch((e) => ({ skipped: e.message.split('\n')[0] }));
if (page.skipped) {
  console.log(`   NOT MEASURED: ${page.skipped}   FAIL`);
  failures.push('footprint page not measured');
} else {
  const sum = page.files.reduce((s, f) => s + f.gzip, 0);
  for (const f of page.files.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.url.padEnd(44)} ${kb(f.bytes).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
  console.log(`   page heading: ${JSON.stringify(page.heading)}`);
  // A page that did not render (404, error) would load less: it does not count.
  const rendered = /fotavtrykk|footprint/i.test(page.heading ?? '');
  if (!rendered) console.log('   the calculator did not render (heading above)   FAIL');
  const ok = sum < TARGETS.jsBytes && page.files.length > 0 && rendered;
  console.log(`   ${page.files.length} scripts, ${kb(sum)} gzip   target < ${kb(TARGETS.jsBytes)}   ${verdict(ok)}`);
  if (!ok) failures.push('footprint page JavaScript');
}
process.exitCode = failures.length ? 1 : 0;
