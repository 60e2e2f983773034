// What the browser tests share: a real server on a free port with the Asker demo, a headless
// Chromium (Debian's), and an axe-core check for WCAG 2.1 AA (universal design is law in Norway).
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.js';
import { seedDemo } from '../packages/server/src/demo/demo.service.js';
import type { AppDeps } from '../packages/server/src/platform/http/deps.js';
import { createTestEnv } from '../packages/server/src/testing/databases.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** The demo administrator (data/demo/asker/users.json). */
export const DEMO_ADMIN = { email: 'admin@asker.example', password: 'omstilling-demo' } as const;

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash; the host name picks Asker. */
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * Starts the whole server in this process on a free port: a fresh database of the engine, the
 * Asker demo, and the built web app from packages/web/dist (`npm run build` makes it; `npm test`
 * builds first). `env` overrides configuration, e.g. WEB_DIST_DIR.
 */
export async function startTestServer(options: { engine?: 'sqlite' | 'postgres'; env?: Record<string, string> } = {}): Promise<TestServer> {
  const env = await createTestEnv(options.engine ?? 'sqlite', options.env ?? {});
  try {
    const index = path.join(env.config.webDistDir, 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${path.relative(REPO_ROOT, index)} is missing: build the web app first (npm run build)`);
    await seedDemo(env.deps, 'asker');
    const app = await buildApp(env.deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      deps: env.deps,
      async close() {
        await app.close();
        await env.close();
      },
    };
  } catch (e) {
    await env.close();
    throw e;
  }
}

// Flags these machines need; never --user-data-dir (playwright manages the profile itself).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium (apt-get install chromium fonts-inter), headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} not found: apt-get install -y chromium fonts-inter`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource: string | null = null;

/**
 * Runs axe-core on the page for WCAG 2.0/2.1 A and AA and throws a readable list if anything
 * is violated; returns the (empty) list otherwise. The app's CSP allows no inline scripts, so
 * axe is evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function checkA11y(page: Page, label = new URL(page.url()).pathname): Promise<A11yViolation[]> {
  axeSource ??= fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(axeSource);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, AXE_TAGS);
  if (violations.length) {
    const lines = violations.map((v) => `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.targets.map((t) => `      ${t}`).join('\n')}`);
    throw new Error(`${label}: ${violations.length} WCAG 2.1 AA violation(s) at ${page.url()}\n${lines.join('\n')}`);
  }
  return violations;
}

/** Where the browser tests put their screenshots (to open and look at). */
export const SHOTS = '/tmp/shots';

/** A fresh browser context (desktop 1280×900 unless other options are given) signed in as a demo user, on `path`. */
export async function signIn(browser: Browser, server: TestServer, email: string, path: string, options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  return page;
}

/**
 * Waits for the page to settle (a level-1 heading, the network idle, no loading indicator for up
 * to `loadingMs`), saves a full-page screenshot `SHOTS/<name>.png` and runs axe.
 */
export async function settleAndCheck(page: Page, name: string, loadingMs = 10_000): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: loadingMs }).catch(() => undefined);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await checkA11y(page, name);
}
