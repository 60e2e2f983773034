// The program end to end: a real browser against a built server with the Asker demo.
// Signed in as the admin: every point A1–C2 with status on the overview, a point, an indicator,
// a recorded value that changes the indicator's status, an action log entry, my reporting.
// Signed out: the public view with statuses and charts, on a desktop and on a phone, and its
// first load within the JavaScript budget. axe (WCAG 2.1 AA) on every page, in both languages.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, DEMO_ADMIN as ADMIN, launchBrowser, startTestServer, type TestServer } from './harness.js';

const SHOTS = '/tmp/shots';
const POINTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'C1', 'C2'];
const STATUS_NB = /^(I rute|I fare|Ikke i rute|Mangler data)$/;
/** The public page's first load must stay under this much gzipped JavaScript (issue 3, Performance). */
const PUBLIC_JS_BUDGET = 250 * 1024;

// b4-businesses-with-apprentices (data/programs/asker-sdg12.json): baseline 310 at 2022-12-31,
// target 400 at 2027-12-31 on a linear path, tolerance 0.1 (9 businesses). The demo's 2025 value,
// 335, is 29 behind the path's 364 at 2025-12-31: off track. 365 for that date is ahead: on track.
const INDICATOR = 'b4-businesses-with-apprentices';

describe('program pages', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    // E2E_WEB_DIST serves a private web build (on a machine where others rebuild packages/web/dist meanwhile).
    server = await startTestServer({ env: process.env.E2E_WEB_DIST ? { WEB_DIST_DIR: process.env.E2E_WEB_DIST } : {} });
    browser = await launchBrowser();
    const list = (await (await fetch(`${server.url}/api/public/programs`)).json()) as { id: string }[];
    programId = list[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits for the page (and its charts) to settle, takes a screenshot and runs axe. */
  async function check(page: Page, name: string) {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('[role="status"] svg').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}/program-${name}.png`, fullPage: true });
    await checkA11y(page, name);
  }

  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  /** Checks the page in Norwegian, switches to English and checks it again, then back to Norwegian. */
  async function checkBoth(page: Page, name: string, enReady?: () => Promise<unknown>) {
    expect(await lang(page)).toBe('nb');
    await check(page, `${name}-nb`);
    await page.getByRole('button', { name: 'Change language to English' }).click();
    await expect.poll(() => lang(page)).toBe('en');
    await enReady?.();
    await check(page, `${name}-en`);
    await page.getByRole('button', { name: 'Bytt språk til norsk (bokmål)' }).click();
    await expect.poll(() => lang(page)).toBe('nb');
  }

  const badgeText = async (page: Page, scope: string) => (await page.locator(`${scope} .status-badge`).first().innerText()).trim();

  it('lets staff follow every point, record a value that changes a status, and log an action', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // --- sign in, then /program leads to the municipality's program ---
    await page.goto(`${server.url}/login?redirect=%2Fprogram`);
    await page.getByLabel('E-postadresse').fill(ADMIN.email);
    await page.getByLabel('Passord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(new RegExp(`/program/${programId}$`));
    await page.getByRole('heading', { level: 1, name: /Bærekraftig forbruk og produksjon/ }).waitFor();

    // --- overview: every point A1–C2 with a status in words, exports linked ---
    for (const code of POINTS) {
      const row = page.locator(`tr[data-goal="${code}"]`);
      await row.getByRole('link', { name: new RegExp(`^${code}`) }).waitFor();
      expect(await badgeText(page, `tr[data-goal="${code}"]`)).toMatch(STATUS_NB);
    }
    for (const [name, path] of [
      ['Verdier som CSV', `/api/programs/${programId}/export.csv?lang=nb`],
      ['Indikatorer og verdier som Excel (XLSX)', `/api/programs/${programId}/export.xlsx?lang=nb`],
      ['Rapport til kommunestyret (PDF)', `/api/programs/${programId}/report.pdf`],
    ] as const) {
      expect(await page.getByRole('link', { name }).getAttribute('href')).toBe(path);
    }
    expect(await page.locator('tr[data-goal="B4"] .sparkline polyline').count()).toBeGreaterThan(0);
    await checkBoth(page, '01-overview', () => page.getByRole('heading', { level: 1, name: /Sustainable consumption and production/ }).waitFor());

    // --- a point: its text, indicators with charts, actions with their history ---
    await page.locator('tr[data-goal="B4"]').getByRole('link').click();
    await page.waitForURL(/\/goals\/B4$/);
    await page.getByRole('heading', { level: 1, name: /^B4 / }).waitFor();
    await page.locator('.indicator-chart svg').first().waitFor();
    const card = `[data-indicator="${INDICATOR}"]`;
    expect(await badgeText(page, card)).toBe('Ikke i rute');
    await page.locator(card).getByText(/ligger .* bak banen mot målet .* mer enn toleransen/).waitFor();
    await page.getByText(/Fortsetter trenden, blir verdien om lag .* i 2027/).first().waitFor();
    await page.getByText('Sak ', { exact: false }).first().waitFor();
    await checkBoth(page, '02-goal', () => page.getByRole('heading', { level: 2, name: 'Indicators' }).waitFor());

    // --- an indicator: metadata, chart, values with their origin ---
    await page.locator(card).getByRole('link', { name: 'Bedrifter i kommunen med lærlinger' }).click();
    await page.waitForURL(/\/indicators\//);
    await page.getByRole('heading', { level: 1, name: 'Bedrifter i kommunen med lærlinger' }).waitFor();
    expect(await badgeText(page, '.heading-row')).toBe('Ikke i rute');
    // Each value names the file and line it was imported from (the demo's CSV, line counted from 1 with the header).
    const csvLine = fs.readFileSync(new URL('../data/demo/asker/indicator-values.csv', import.meta.url), 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith(`${INDICATOR};2025;`)) + 1;
    await page.getByRole('cell', { name: `indicator-values.csv, linje ${csvLine}` }).waitFor();
    await page.getByRole('cell', { name: '335' }).first().waitFor();
    await page.locator('.indicator-chart svg').first().waitFor();
    await checkBoth(page, '03-indicator', () => page.getByRole('heading', { level: 2, name: 'Record a value' }).waitFor());

    // A value that is not a number is caught before it is sent; a date in the future by the server.
    await page.locator('#value-date').fill('2025-12-31');
    expect(await page.locator('#value-period').inputValue()).toBe('2025');
    await page.locator('#value-value').fill('12,3,4');
    await page.getByRole('button', { name: 'Lagre verdien' }).click();
    await page.getByRole('link', { name: '«12,3,4» er ikke et tall. Skriv for eksempel 1 234,5.' }).waitFor();
    expect(await page.locator('#value-value').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#value-date').fill('2099-12-31');
    await page.locator('#value-period').fill('2099');
    await page.locator('#value-value').fill('365');
    await page.getByRole('button', { name: 'Lagre verdien' }).click();
    await page.getByRole('link', { name: 'Datoen kan ikke ligge i framtiden' }).waitFor();
    expect(await page.locator('#value-date').getAttribute('aria-invalid')).toBe('true');
    await check(page, '04-indicator-errors-nb');

    // Recorded with a decimal comma for 2025: the status changes from off track to on track.
    await page.locator('#value-date').fill('2025-12-31');
    await page.locator('#value-period').fill('2025');
    await page.locator('#value-value').fill('365');
    await page.getByLabel('Merknad').fill('Rettet tall fra næringsutvikling (e2e)');
    await page.getByRole('button', { name: 'Lagre verdien' }).click();
    await page.getByText('Verdien 365 for 2025 er lagret, og statusen er beregnet på nytt.').waitFor();
    await expect.poll(() => badgeText(page, '.heading-row')).toBe('I rute');
    await page.getByRole('cell', { name: 'Rettet tall fra næringsutvikling (e2e)' }).waitFor();
    await page.getByText(/ligger på eller foran banen mot målet/).first().waitFor();
    await check(page, '05-indicator-recorded-nb');

    // --- back to the point: the indicator's new status there too; log a decision on an action ---
    await page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: /^B4 / }).click();
    await page.waitForURL(/\/goals\/B4$/);
    await expect.poll(() => badgeText(page, card)).toBe('I rute');
    const action = page.locator('article.action').first();
    await action.getByText('Legg til en oppdatering eller et vedtak').click();
    await action.getByLabel('Vedtak').check();
    await action.getByLabel(/^Hva ble gjort eller vedtatt/).fill('Formannskapet vedtok å utvide lærlingkontakten (e2e).');
    await action.getByLabel('Saksnummer').fill('25/04711');
    await action.getByLabel('Ny status for tiltaket').selectOption('in_progress');
    await check(page, '06-goal-log-form-nb');
    await action.getByRole('button', { name: 'Lagre oppføringen' }).click();
    await action.getByText('Oppføringen er lagret.').waitFor();
    await action.locator('.log li', { hasText: 'Formannskapet vedtok å utvide lærlingkontakten (e2e).' }).getByText('Sak 25/04711').waitFor();
    await action.getByText('Pågår', { exact: true }).first().waitFor();

    // --- my reporting: values due per unit (overdue first) and the action nudges ---
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min rapportering' }).click();
    await page.waitForURL(/\/reporting$/);
    await page.getByRole('heading', { level: 2, name: 'Verdier som skal rapporteres' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Tiltak som trenger oppfølging/ }).waitFor();
    const states = await page.locator('tr[data-state]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(0);
    expect(states[0]).toBe('overdue');
    await page.locator('tr[data-state] a').first().waitFor();
    await checkBoth(page, '07-reporting', () => page.getByRole('heading', { level: 1, name: 'My reporting' }).waitFor());

    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('shows residents the public view without login, on a desktop and on a phone', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') && !['/api/meta', '/api/auth/session'].includes(u.pathname)) apiCalls.push(u.pathname);
    });

    // Linked from the start page.
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Se status for programmet' }).click();
    await page.waitForURL(/\/public\/program$/);
    await page.getByRole('heading', { level: 1, name: /Bærekraftig forbruk og produksjon/ }).waitFor();
    for (const code of POINTS) {
      await page.locator(`section#${code} h3`).waitFor();
      expect(await badgeText(page, `section#${code} .public-goal__head`)).toMatch(STATUS_NB);
    }
    expect(await page.locator('.path-chart__svg').count()).toBeGreaterThan(10);
    // The value recorded by staff above shows here too, with its new status; every figure names its source.
    expect(await badgeText(page, `[data-indicator="${INDICATOR}"]`)).toBe('I rute');
    expect(await page.locator(`[data-indicator="${INDICATOR}"] .source-line`).first().innerText()).toMatch(/^Kilde:/);
    await page.getByText('Slik beregnes status').click();
    await page.getByText(/I fare: verdien ligger bak banen/).waitFor();
    expect(await page.getByRole('link', { name: 'Verdier som CSV' }).getAttribute('href')).toBe(`/api/public/programs/${programId}/export.csv?lang=nb`);
    expect(await page.getByRole('link', { name: 'Rapport til kommunestyret (PDF)' }).getAttribute('href')).toBe(`/api/public/programs/${programId}/report.pdf`);
    await checkBoth(page, '10-public', () => page.getByRole('heading', { level: 2, name: "The programme's points" }).waitFor());
    // Only the open-data API: no internal endpoint was asked.
    expect(apiCalls.filter((p) => !p.startsWith('/api/public/'))).toEqual([]);

    // A shareable anchor: the point is scrolled to and focused.
    await page.goto(`${server.url}/public/program/${programId}#B7`);
    await page.locator('section#B7').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('B7');
    expect(await page.evaluate(() => Math.round(document.getElementById('B7')!.getBoundingClientRect().top))).toBeLessThan(200);

    // A point's own page.
    await page.locator('section#A6').getByRole('link', { name: /^Mer om A6/ }).click();
    await page.waitForURL(new RegExp(`/public/program/${programId}/A6$`));
    await page.getByRole('heading', { level: 1, name: /^A6 / }).waitFor();
    // In full: the path to the target, every figure's source, the actions with their decisions.
    expect(await page.locator('.path-chart__path').count()).toBeGreaterThan(0);
    expect(await page.locator('.source-line', { hasText: /^Kilde:/ }).count()).toBeGreaterThan(0);
    await page.getByRole('heading', { level: 2, name: 'Tiltak' }).waitFor();
    await checkBoth(page, '11-public-goal');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('fits a phone and keeps the public first load under the JavaScript budget', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.set(r.url(), r.body());
    });
    await page.goto(`${server.url}/public/program`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.path-chart__svg').first().waitFor();
    await page.waitForLoadState('networkidle');

    let gz = 0;
    let raw = 0;
    for (const body of await Promise.all(scripts.values())) {
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    console.log(`public program first load: ${scripts.size} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (budget ${PUBLIC_JS_BUDGET / 1024} KB)`);
    expect(gz).toBeLessThan(PUBLIC_JS_BUDGET);
    expect([...scripts.keys()].some((u) => /echarts/.test(u))).toBe(false);

    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/program-12-public-phone-top.png` });
    await page.locator('section#A5').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/program-13-public-phone-a5.png` });
    await checkA11y(page, 'public program on a phone');
    await context.close();
  }, 120_000);
});
