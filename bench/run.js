// npm run bench: the public program API against a bare Fastify route in the same run, and the
// gzipped JavaScript of the public page's first load. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

const REPO = path.resolve(import.meta.dirname, '..');
const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const SETTINGS = {
  connections: num('BENCH_CONNECTIONS', 50),
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 2),
  // The measured seconds of each target are split into rounds that alternate between the
  // targets, so that a burst of load from elsewhere on the machine hits them alike.
  rounds: num('BENCH_ROUNDS', 2),
  pipelining: 1,
};
const TARGETS = { ratio: 0.3, p99Ms: 20, jsBytes: 250_000 };
const PAGES = (process.env.BENCH_PAGES ?? '/,/public/program').split(',').filter(Boolean);
const WEB_DIST = path.join(REPO, 'packages/web/dist');

const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** Starts bench/server.js in its own process; resolves with its base URL and a stop function. */
function startServer(mode, ...args) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'server.js'), [mode, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server "${mode}" exited with ${code} before listening`)));
    child.once('message', ({ port }) => {
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
  });
}

// What a browser's fetch() sends; the same for every target. Nothing answers 304: no If-None-Match.
const HEADERS = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'nb-NO,nb;q=0.9' };

async function load(url, duration) {
  return autocannon({ url, headers: HEADERS, connections: SETTINGS.connections, pipelining: SETTINGS.pipelining, duration });
}

/**
 * Measures the targets with the same settings: a warm-up of each, then `rounds` alternating
 * runs of duration/rounds seconds. Throughput is all requests over all measured seconds; p99
 * is the worst round's (conservative), p50 the mean of the rounds'.
 */
async function measureAll(urls) {
  if (SETTINGS.warmup > 0) for (const url of urls) await load(url, SETTINGS.warmup);
  const runs = urls.map(() => []);
  const each = Math.max(1, Math.round(SETTINGS.duration / SETTINGS.rounds));
  for (let round = 0; round < SETTINGS.rounds; round++) for (const [i, url] of urls.entries()) runs[i].push(await load(url, each));
  return runs.map((rs) => {
    const seconds = rs.reduce((s, r) => s + r.duration, 0);
    const codes = {};
    for (const r of rs) for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) codes[code] = (codes[code] ?? 0) + v.count;
    const errors = rs.reduce((s, r) => s + r.errors, 0);
    const timeouts = rs.reduce((s, r) => s + r.timeouts, 0);
    return {
      rps: rs.reduce((s, r) => s + r.requests.total, 0) / seconds,
      rounds: rs.map((r) => r.requests.total / r.duration),
      p50: rs.reduce((s, r) => s + r.latency.p50, 0) / rs.length,
      p99: Math.max(...rs.map((r) => r.latency.p99)),
      max: Math.max(...rs.map((r) => r.latency.max)),
      bad: rs.reduce((s, r) => s + r.non2xx, 0) + errors + timeouts,
      bytesPerSec: rs.reduce((s, r) => s + r.throughput.total, 0) / seconds,
      codes: Object.entries(codes).map(([code, n]) => `${code}×${n}`).join(' ') + (errors ? ` errors×${errors}` : '') + (timeouts ? ` timeouts×${timeouts}` : ''),
    };
  });
}

/** A GET that keeps the bytes as they came over the wire (fetch() would decompress them). */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const gzipSize = (buf) => zlib.gzipSync(buf).length; // zlib's default level 6, what a reverse proxy typically uses

/** What index.html loads up front: its module scripts and modulepreload links. */
function entryScripts() {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return null;
  const html = fs.readFileSync(index, 'utf8');
  const urls = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(m[0]);
    if (href) urls.add(href[1]);
  }
  return [...urls].map((u) => {
    const file = path.join(WEB_DIST, u.replace(/^\//, '').split('?')[0]);
    const buf = fs.readFileSync(file);
    return { url: u, bytes: buf.length, gzip: gzipSize(buf) };
  });
}

/**
 * What a browser actually fetches on a first load of a page, lazy route chunks included
 * (index.html alone cannot show those). Null when there is no Chromium to ask.
 */
async function browserScripts(base, page) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const p = await browser.newPage();
    const bodies = [];
    p.on('response', (res) => {
      if (res.request().resourceType() === 'script') bodies.push(res.body().then((b) => ({ url: new URL(res.url()).pathname, bytes: b.length, gzip: gzipSize(b) })));
    });
    await p.goto(base + page, { waitUntil: 'networkidle' });
    return await Promise.all(bodies);
  } finally {
    await browser.close();
  }
}

function printFiles(files) {
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.url.padEnd(44)} ${kb(f.bytes).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
}

async function main() {
  if (!fs.existsSync(path.join(REPO, 'packages/server/dist/app.js'))) {
    console.error('packages/server/dist is missing: run `npm run build` first (npm run bench does).');
    process.exit(1);
  }
  const failures = [];
  console.log(`Omstilling benchmark · Node ${process.version} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'})`);
  console.log(`autocannon: ${SETTINGS.connections} connections, pipelining ${SETTINGS.pipelining}; per target ${SETTINGS.warmup} s warm-up + ${SETTINGS.duration} s measured in ${SETTINGS.rounds} alternating rounds; servers in child processes; load average now ${os.loadavg()[0].toFixed(1)}\n`);

  const [peer, ours] = await Promise.all([startServer('peer'), startServer('app')]);
  let payloadPeer = null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-bench-body-'));
  try {
    const programs = await (await fetch(`${ours.url}/api/public/programs`)).json();
    if (!Array.isArray(programs) || !programs.length) throw new Error(`GET /api/public/programs returned no program: ${JSON.stringify(programs).slice(0, 200)}`);
    const program = programs[0];
    const apiPath = `/api/public/programs/${program.id}`;
    const probe = await rawGet(ours.url + apiPath, HEADERS);
    if (probe.status !== 200) throw new Error(`GET ${apiPath}: ${probe.status}`);
    const wireBytes = probe.body.length;
    const encoding = probe.headers['content-encoding'] ?? 'identity';
    const peerBytes = (await rawGet(`${peer.url}/`, HEADERS)).body.length;
    fs.writeFileSync(path.join(tmp, 'body'), probe.body);
    payloadPeer = await startServer('payload', path.join(tmp, 'body'), encoding);

    const [a, b, c] = await measureAll([`${peer.url}/`, ours.url + apiPath, `${payloadPeer.url}/`]);
    const ratio = b.rps / a.rps;

    console.log('1. Public program API vs a bare Fastify route');
    console.log(`   ${''.padEnd(52)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'MB/s'.padStart(7)} ${'body'.padStart(9)}  status`);
    const row = (label, r, bytes) => console.log(`   ${label.padEnd(52)} ${fmt(r.rps).padStart(9)} ${fmt(r.p50).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.max).padStart(7)} ${fmt(r.bytesPerSec / 1e6, 1).padStart(7)} ${kb(bytes).padStart(9)}  ${r.codes}`);
    row('peer: bare Fastify GET / (constant JSON object)', a, peerBytes);
    row(`ours: GET /api/public/programs/:id (${program.key ?? 'demo'})`, b, wireBytes);
    row("diagnostic: bare Fastify serving ours' exact bytes", c, wireBytes);
    const ratioOk = ratio >= TARGETS.ratio;
    const p99Ok = b.p99 < TARGETS.p99Ms;
    const cleanOk = a.bad === 0 && b.bad === 0;
    console.log(`   throughput ratio ours/peer  ${ratio.toFixed(3).padStart(8)}   target ≥ ${TARGETS.ratio.toFixed(2)}   ${verdict(ratioOk)}`);
    console.log(`   p99 latency ours            ${`${fmt(b.p99)} ms`.padStart(8)}   target < ${TARGETS.p99Ms} ms   ${verdict(p99Ok)}`);
    if (!cleanOk) console.log(`   errors or non-2xx responses during load: peer ${a.bad}, ours ${b.bad}   FAIL`);
    console.log(`   (ours sends ${kb(wireBytes)} per response, content-encoding ${encoding}; a bare route serving the same bytes reaches ${(c.rps / a.rps).toFixed(3)} of the peer,`);
    console.log(`    so the app itself costs ${(1 - b.rps / c.rps).toFixed(2).replace(/^-/, '−')} of what the payload alone allows)`);
    if (!ratioOk) failures.push('throughput ratio');
    if (!p99Ok) failures.push('p99 latency');
    if (!cleanOk) failures.push('errors during load');

    console.log(`\n2. Public page first load: gzipped JavaScript (target ≤ ${kb(TARGETS.jsBytes)}, gzip level 6)`);
    const entry = entryScripts();
    if (!entry) {
      console.log(`   ${path.relative(REPO, WEB_DIST)}/index.html is missing: the web app is not built (npm run build). NOT MEASURED   FAIL`);
      failures.push('web bundle not built');
    } else {
      const total = entry.reduce((s, f) => s + f.gzip, 0);
      console.log(`   index.html scripts and modulepreloads: ${entry.length} files, ${kb(entry.reduce((s, f) => s + f.bytes, 0))} raw, ${kb(total)} gzip`);
      printFiles(entry);
      let checked = false;
      for (const page of PAGES) {
        const seen = await browserScripts(ours.url, page).catch((e) => {
          console.log(`   Chromium could not load ${page}: ${e.message.split('\n')[0]}`);
          return null;
        });
        if (!seen) continue;
        checked = true;
        const sum = seen.reduce((s, f) => s + f.gzip, 0);
        const ok = sum <= TARGETS.jsBytes;
        console.log(`   ${page} in Chromium, lazy route chunks included: ${seen.length} files, ${kb(sum)} gzip   ${verdict(ok)}`);
        printFiles(seen.filter((f) => !entry.some((e) => e.url === f.url)));
        if (!ok) failures.push(`JavaScript of ${page}`);
      }
      if (!checked) {
        const ok = total <= TARGETS.jsBytes;
        console.log(`   (no Chromium: lazy route chunks not counted) ${kb(total)} gzip   ${verdict(ok)}`);
        if (!ok) failures.push('JavaScript of the entry');
      }
    }
  } finally {
    await Promise.all([peer.stop(), ours.stop(), payloadPeer?.stop()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Each domain's own benchmark (bench/<domain>.bench.js), in its own process, one after another.
  const domainBenches = fs.readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.js')).sort();
  for (const [i, file] of domainBenches.entries()) {
    console.log(`\n${i + 3}. ${file}`);
    const code = await new Promise((resolve) => fork(path.join(import.meta.dirname, file), [], { stdio: 'inherit' }).once('exit', resolve));
    if (code !== 0) failures.push(file);
  }
  console.log(failures.length ? `\nFAIL: ${failures.join(', ')}` : '\nAll targets met.');
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
