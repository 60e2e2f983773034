// Climate accounting: parse + validate + aggregate a 1 000 000-line ledger CSV against DuckDB doing
// the same aggregation from the same file, and the full import into SQLite. See bench/README.md.
// Run after `npx tsc -b` (or npm run build): node bench/climate.bench.js   (BENCH_CLIMATE_LINES to change the size)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const REPO = path.resolve(import.meta.dirname, '..');
const LINES = Number(process.env.BENCH_CLIMATE_LINES ?? 1_000_000);
const TARGETS = { ratio: 1.0, importLinesPerSec: 350_000, peakMb: 500 };
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const core = await import(path.join(REPO, 'packages/core/dist/index.js'));

// The importing child: a fresh SQLite database with one municipality, then the real import service.
if (process.argv[2] === 'import-child') {
  const [file, dir] = process.argv.slice(3);
  const dist = path.join(REPO, 'packages/server/dist');
  const { loadConfig } = await import(path.join(dist, 'platform/config.js'));
  const { bootstrap } = await import(path.join(dist, 'platform/bootstrap.js'));
  const { municipalityRepository } = await import(path.join(dist, 'platform/municipalities.js'));
  const { TenantScope } = await import(path.join(dist, 'platform/tenant.js'));
  const { climateReference } = await import(path.join(dist, 'climate/climate.reference.js'));
  const { importLedger } = await import(path.join(dist, 'climate/climate.service.js'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'import.db')}`, STORAGE_DIR: path.join(dir, 'storage'), LOG_LEVEL: 'silent', DATA_DIR: path.join(REPO, 'data') }, REPO);
  const deps = await bootstrap(config);
  const m = await municipalityRepository(deps.db).upsert({ slug: 'bench', name: 'Benchmark', number: '9999', previousNumbers: [], hosts: [], locale: 'nb' }, new Date().toISOString());
  const ctx = { scope: new TenantScope(deps.db, m.id), actor: { kind: 'system', municipalityId: m.id, label: 'bench' }, now: () => new Date() };
  const cdeps = { reference: climateReference(config.dataDir), sqlite: deps.database.sqlite };
  // CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat, in clock ticks of 10 ms), to
  // tell the inserting thread's work from the parsing worker's on a machine shared with other work.
  const mainCpuMs = () => {
    try {
      const f = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return NaN;
    }
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainCpuMs();
  const r = await importLedger(ctx, cdeps, { path: file, filename: 'hovedbok.csv' });
  const ms = performance.now() - t0;
  const mainMs = mainCpuMs() - main0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const t1 = performance.now();
  const again = await importLedger(ctx, cdeps, { path: file, filename: 'hovedbok.csv' });
  const againMs = performance.now() - t1;
  await deps.database.close();
  console.log(JSON.stringify({ ms, cpuMs, mainMs, imported: r.imported, skipped: r.skipped, errors: r.errorCount, peakMb, againMs, againImported: again.imported }));
  process.exit(0);
}

// ---------- the ledger file (deterministic) ----------
const ARTS = ['100', '105', '110', '115', '120', '130', '140', '150', '170', '180', '185', '190', '195', '200', '209', '230', '240', '250', '260', '271', '272', '370', '350', '010', '470'];
const FUNKSJONER = ['120', '130', '201', '202', '213', '222', '232', '253', '256', '261', '265', '301', '315', '325', '329', '335', '338', '345', '350', '355', '370', '385', '386'];
const SUPPLIERS = [];
function orgnr(seed) {
  const w = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let n = seed; ; n++) {
    const s = String(900000000 + (n % 99999999)).slice(0, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(s[i]) * w[i];
    const c = 11 - (sum % 11);
    if (c === 10) continue;
    return s + (c === 11 ? 0 : c);
  }
}
for (let i = 0; i < 2000; i++) SUPPLIERS.push([orgnr(i * 7919 + 13), `Leverandør ${i} AS`]);

function generate(file, lines) {
  const fd = fs.openSync(file, 'w');
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let chunk = 'bilagsdato;ansvar;art;funksjon;prosjekt;leverandor_orgnr;leverandor_navn;belop;tekst\n';
  for (let i = 0; i < lines; i++) {
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const ansvar = 1000 + Math.floor(rnd() * 400) * 10;
    const art = ARTS[Math.floor(rnd() * ARTS.length)];
    const f = FUNKSJONER[Math.floor(rnd() * FUNKSJONER.length)];
    const s = SUPPLIERS[Math.floor(rnd() * SUPPLIERS.length)];
    const ore = Math.floor(rnd() * 5_000_000) * (rnd() < 0.03 ? -1 : 1);
    const kr = Math.trunc(ore / 100);
    const amount = `${ore < 0 ? '-' : ''}${String(Math.abs(kr)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(Math.abs(ore) % 100).padStart(2, '0')}`;
    chunk += `2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')};${ansvar};${art};${f};${i % 17 === 0 ? 'P' + (i % 50) : ''};${s[0]};${s[1]};${amount};Faktura ${i}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

// ---------- ours ----------
function reference() {
  const kostra = JSON.parse(fs.readFileSync(path.join(REPO, 'data/reference/kostra/kostra_valid_codes_2026.json'), 'utf8'));
  const codes = core.kostraCodes(2026, [...kostra.basisArter, ...kostra.kommunaleArter], [...kostra.kommunaleFunksjoner, ...kostra.kommuneFinansielleFunksjoner]);
  const dir = path.join(REPO, 'data/reference/climate');
  const sets = JSON.parse(fs.readFileSync(path.join(dir, 'factor-sets.json'), 'utf8'));
  const set = sets.find((s) => s.default);
  const factors = fs
    .readFileSync(path.join(dir, set.file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      return { category: cells[0], label: cells[1], sourceCategory: cells[2], value: Number(cells[3]) };
    });
  const mapping = fs
    .readFileSync(path.join(dir, 'art-mapping.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [art, name, category, rationale] = l.split(';');
      return { art, funksjon: null, name, category, rationale };
    });
  const conversion = JSON.parse(fs.readFileSync(path.join(dir, 'conversion.json'), 'utf8'));
  const model = core.emissionModel({ year: 2025, set, factors, conversion, mapping });
  return { codes, model };
}

// The server's summariser (packages/server/dist/climate/climate.threads.js): the main thread reads
// the first half of the file while a worker thread reads the second, split at a line break, with
// the core LedgerSummariser on both; the partial sums are merged. The worker is started before
// the clock starts, as DuckDB's instance (and its thread pool) is created before its clock starts.
async function ours(file, { codes, model }, threads) {
  const { summariseLedgerFile } = await import(path.join(REPO, 'packages/server/dist/climate/climate.threads.js'));
  const t0 = performance.now();
  const r = await summariseLedgerFile(file, model, codes, { threads });
  return { ms: performance.now() - t0, r };
}

// The same on one thread (the core summariser fed 4 MB chunks), printed for comparison.
function oursOneThread(file, { codes, model }) {
  const t0 = performance.now();
  const s = new core.LedgerSummariser(model, codes);
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(4 << 20);
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n <= 0) break;
    s.push(buf.subarray(0, n));
  }
  fs.closeSync(fd);
  const r = s.finish();
  return { ms: performance.now() - t0, r };
}

// ---------- DuckDB: the same aggregation from the same file ----------
async function duck(file, { model }) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const factors = [];
  for (let a = 0; a < 1000; a++) if (!Number.isNaN(model.perNokByArt[a]) && !core.exclusionOf(a)) factors.push(`(${a}, ${model.perNokByArt[a]})`);
  await con.run(`create table factor(art integer, per_nok double); insert into factor values ${factors.join(',')}`);
  const t0 = performance.now();
  // The same work as ours: read the CSV, decimal comma and thousands spaces in amounts, drop
  // non-purchases, multiply by the art's factor, sum by ansvar and art.
  const reader = await con.runAndReadAll(`
    with l as (
      select ansvar, art, cast(replace(replace(belop, ' ', ''), ',', '.') as decimal(18,2)) as nok
      from read_csv('${file}', delim=';', header=true, all_varchar=true)
    )
    select l.ansvar, l.art, sum(l.nok) as nok, sum(l.nok * coalesce(f.per_nok, 0)) as kg
    from l left join factor f on f.art = cast(l.art as integer)
    where cast(l.art as integer) between 100 and 399 and cast(l.art as integer) not in (280, 285, 290)
    group by l.ansvar, l.art`);
  const rows = reader.getRowObjects();
  const ms = performance.now() - t0;
  con.closeSync?.();
  inst.closeSync?.();
  return { ms, rows };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-climate-bench-'));
try {

  const file = path.join(tmp, 'hovedbok.csv');
  const tg = performance.now();
  generate(file, LINES);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`\n## Climate: ${fmt(LINES)}-line ledger (${fmt(mb, 1)} MB), generated in ${fmt((performance.now() - tg) / 1000, 1)} s`);
  const ref = reference();
  // Warm-up of both (JIT; DuckDB extension loading), then the better of two alternating runs each.
  const { LedgerThreads } = await import(path.join(REPO, 'packages/server/dist/climate/climate.threads.js'));
  const tw = performance.now();
  const threads = await LedgerThreads.start();
  const startMs = performance.now() - tw;
  if (!threads) throw new Error('packages/server/dist is not built (npx tsc -b)');
  const runs = { ours: [], duck: [], one: [] };
  let result;
  let duckRows;
  let one;
  for (let i = 0; i < 3; i++) {
    const a = await ours(file, ref, threads);
    result = a.r;
    const b = await duck(file, ref);
    duckRows = b.rows;
    const c = oursOneThread(file, ref);
    one = c.r;
    if (i > 0) {
      runs.ours.push(a.ms);
      runs.duck.push(b.ms);
      runs.one.push(c.ms);
    }
  }
  await threads.close();
  const o = Math.min(...runs.ours);
  const d = Math.min(...runs.duck);
  const oursKg = result.byUnitArt.reduce((s, x) => s + x.kg, 0);
  const oneKg = one.byUnitArt.reduce((s, x) => s + x.kg, 0);
  const duckKg = duckRows.reduce((s, x) => s + Number(x.kg), 0);
  const same =
    result.errors.length === 0 &&
    result.lines === LINES &&
    result.byUnitArt.length === duckRows.length &&
    one.byUnitArt.length === duckRows.length &&
    Math.abs(oursKg - duckKg) / Math.max(1, duckKg) < 1e-6 &&
    Math.abs(oneKg - duckKg) / Math.max(1, duckKg) < 1e-6;
  console.log(`   ours   (parse + validate + exclude + factor + sum by unit × art, 2 threads): ${fmt(o)} ms   (${fmt(LINES / (o / 1000))} lines/s; runs ${runs.ours.map((x) => fmt(x)).join(', ')} ms; starting the worker once: ${fmt(startMs)} ms)`);
  console.log(`   ours on one thread (the same summariser, for comparison, not the measure):      ${fmt(Math.min(...runs.one))} ms`);
  console.log(`   DuckDB (read_csv + cast + join factor + group by ansvar, art):                  ${fmt(d)} ms   (runs ${runs.duck.map((x) => fmt(x)).join(', ')} ms)`);
  console.log(`   groups: ours ${result.byUnitArt.length}, DuckDB ${duckRows.length}; kg CO2e ours ${fmt(oursKg)}, DuckDB ${fmt(duckKg)}   ${verdict(same)}`);
  const ratio = o / d;
  console.log(`   ratio ours ÷ DuckDB = ${ratio.toFixed(2)} (target ≤ ${TARGETS.ratio.toFixed(1)})   ${verdict(ratio <= TARGETS.ratio)}`);
  let ok = same && ratio <= TARGETS.ratio;

  // ---------- full import into SQLite, in a child process so that its peak memory is its own ----------
  const dist = path.join(REPO, 'packages/server/dist');
  if (!fs.existsSync(path.join(dist, 'climate/climate.service.js'))) {
    console.log('   import into SQLite: packages/server/dist is not built (npm run build). NOT MEASURED   FAIL');
    ok = false;
  } else {
    const child = spawnSync(process.execPath, [import.meta.filename, 'import-child', file, tmp], { encoding: 'utf8' });
    const last = child.stdout.trim().split('\n').at(-1) ?? '';
    let r = null;
    try {
      r = JSON.parse(last);
    } catch {
      console.log(`   import into SQLite failed: ${child.stderr || child.stdout}   FAIL`);
    }
    if (r) {
      const perSec = r.imported / (r.ms / 1000);
      const okImport = r.errors === 0 && r.imported + r.skipped === LINES;
      console.log(`   import into SQLite (hash, parse, check, insert in one transaction): ${fmt(r.ms)} ms for ${fmt(r.imported)} purchase lines (+${fmt(r.skipped)} excluded), ${fmt(perSec)} lines/s (target ≥ ${fmt(TARGETS.importLinesPerSec)})   ${verdict(okImport && perSec >= TARGETS.importLinesPerSec)}`);
      console.log(`   (CPU time of the import: ${fmt(r.cpuMs)} ms in all, of which the main thread (inserting) ${fmt(r.mainMs)} ms and the other threads (the parsing worker, GC) ${fmt(r.cpuMs - r.mainMs)} ms;`);
      console.log(`    the wall time above includes waiting for a loaded machine and the commit's fsync)`);
      console.log(`   peak resident memory of the importing process: ${fmt(r.peakMb)} MB (target < ${TARGETS.peakMb})   ${verdict(r.peakMb < TARGETS.peakMb)}`);
      console.log(`   the same file again: ${fmt(r.againMs)} ms, ${r.againImported} lines written (idempotent)   ${verdict(r.againImported === 0)}`);
      ok = ok && okImport && perSec >= TARGETS.importLinesPerSec && r.peakMb < TARGETS.peakMb && r.againImported === 0;
    } else ok = false;
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
