// The footprint calculator end to end (program point C1): a resident on a phone, without logging
// in, learns their footprint, sees where it comes from and what halving would take, pledges two
// actions and shares the result anonymously; the documentation and the public tally; English.
// axe (WCAG 2.1 AA) on every page visited; screenshots in /tmp/shots/footprint-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { evaluateFootprint } from '@omstilling/core';
import { checkA11y, launchBrowser, startTestServer, type TestServer } from './harness.js';

const SHOTS = '/tmp/shots';
const LONG = 120_000; // the machine is shared and loaded
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

describe('footprint calculator in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = PHONE): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function check(page: Page, name: string) {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Nothing wider than the screen: on a phone, only tables may scroll sideways, inside their box.
    const width = page.viewportSize()!.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: page wider than the viewport`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/footprint-${name}.png`, fullPage: true });
    await checkA11y(page, `footprint-${name}`);
  }

  const count = async (table: 'fp_submission' | 'fp_pledge') => Number((await server.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it(
    'a resident on a phone answers, sees the result against the average and the target, pledges two actions and shares anonymously',
    async () => {
      const page = await open('/public/footprint');
      await page.getByRole('heading', { level: 1, name: 'Ditt klimafotavtrykk' }).waitFor();
      await page.getByText('Nå: omtrent 9,1 tonn CO₂e per år').waitFor(); // nothing answered: the average
      await check(page, 'housing-phone');
      // Housing: a 2 000 m² home is refused in Norwegian; 80 m² for two is kept.
      await page.getByLabel(/Hvor stor er boligen/).fill('2000');
      await page.getByText(/må være mellom 10 og 1 000 m²/).waitFor();
      await page.getByRole('button', { name: 'Neste', exact: true }).tap();
      await page.getByLabel(/Hvor stor er boligen/).waitFor(); // still on housing
      await page.getByLabel(/Hvor stor er boligen/).fill('80');
      await page.getByLabel(/Hvor mange bor i boligen/).fill('2');
      await page.getByLabel(/Hvordan varmes boligen/).selectOption('heat_pump');
      await page.getByRole('button', { name: 'Neste', exact: true }).tap();
      // Transport: an electric car, a long-haul trip, no domestic flights.
      await page.getByLabel(/kilometer kjører du bil/).fill('12000');
      await page.getByLabel(/Hva slags bil/).selectOption('electric');
      await page.getByLabel(/langdistansereiser/).fill('1');
      await page.getByLabel(/innenlands/).fill('0');
      await page.getByRole('button', { name: 'Neste', exact: true }).tap();
      await page.getByLabel('Hvordan spiser du?').selectOption('vegetarian');
      await page.getByRole('button', { name: 'Neste', exact: true }).tap();
      await page.getByRole('button', { name: 'Neste', exact: true }).tap();
      await page.getByRole('button', { name: 'Se resultatet' }).tap();
      const answers = { 'housing.area_m2': 80, 'housing.people': 2, 'housing.heating': 'heat_pump', 'transport.car_km': 12000, 'transport.car_type': 'electric', 'transport.flights_long': 1, 'transport.flights_domestic': 0, 'food.diet': 'vegetarian' };
      const expected = evaluateFootprint(answers);
      const tonnes = (expected.totalKg / 1000).toLocaleString('nb-NO', { maximumFractionDigits: 1 });
      expect(await page.getByTestId('fp-total').textContent()).toBe(`${tonnes} tonn CO₂e per år`);
      await page.getByRole('table', { name: /Fotavtrykket ditt sammenlignet/ }).getByRole('row', { name: /Halvert/ }).waitFor();
      await page.getByRole('heading', { name: 'Hva skal til for å halvere?' }).waitFor();
      await page.getByRole('link', { name: 'Transport' }).waitFor(); // each area links to its documentation
      await check(page, 'result-phone');
      // The answers live in this browser only: nothing was sent, a reload keeps them.
      expect(JSON.parse((await page.evaluate(() => localStorage.getItem('omstilling.footprint.answers')))!)['transport.car_km']).toBe('12000');
      const [subs, pledges] = [await count('fp_submission'), await count('fp_pledge')];
      // Pledge two actions, with a district, and share the answers anonymously.
      await page.getByRole('checkbox', { name: /Fly halvparten så mye/ }).check();
      await page.getByRole('checkbox', { name: /Flere plantebaserte dager/ }).check();
      await page.getByLabel('Bydel (valgfritt)').selectOption('heggedal');
      await page.getByRole('checkbox', { name: /Del også svarene mine anonymt/ }).check();
      await page.getByRole('button', { name: 'Lagre', exact: true }).tap();
      await page.getByText('Takk! 2 løfter er registrert.').waitFor();
      await page.getByText('Takk! Resultatet ditt er delt anonymt.').waitFor();
      expect(await count('fp_pledge')).toBe(pledges + 2);
      expect(await count('fp_submission')).toBe(subs + 1);
      const row = await server.deps.db.selectFrom('fp_submission').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers)).toEqual(answers);
      expect(row.district_key).toBe('heggedal');
      const saved = await server.deps.db.selectFrom('fp_pledge').selectAll().where('action', '=', 'fly_less').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(saved.saving_kg).toBeCloseTo((0.8 * 512 + 2100) / 2, 0); // this person's flights, from the same model
      await page.reload();
      await page.getByText(`Nå: omtrent ${tonnes} tonn CO₂e per år`).waitFor();
    },
    LONG,
  );

  it(
    'documents every factor with its source per area, and shows the public tally',
    async () => {
      const page = await open('/public/footprint/docs/transport');
      await page.getByRole('heading', { level: 1, name: 'Slik regner vi: Transport' }).waitFor();
      const factors = page.getByRole('table', { name: 'Faktorene for Transport' });
      await factors.getByRole('row', { name: /Innenlandsfly/ }).waitFor();
      expect(await factors.getByRole('row').count()).toBeGreaterThanOrEqual(9);
      await page.getByRole('table', { name: /Spørsmålene for Transport/ }).getByText('transport.car_km').waitFor();
      await check(page, 'docs-transport');
      await page.getByRole('link', { name: 'Varer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Slik regner vi: Varer' }).waitFor();
      await page.getByText(/EXIOBASE/).first().waitFor();
      await page.goto(`${server.url}/public/footprint/tally`);
      await page.getByRole('heading', { level: 1, name: 'Løfter og delte resultater' }).waitFor();
      const byAction = page.getByRole('table', { name: 'Antall løfter og anslått sparing per tiltak' });
      await byAction.getByRole('row', { name: /Fly halvparten så mye/ }).waitFor();
      await page.getByRole('table', { name: /per bydel/ }).getByRole('row', { name: /Heggedal/ }).waitFor();
      await check(page, 'tally');
    },
    LONG,
  );

  it(
    'speaks English when the language is English, on a desktop too',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      await context.addInitScript(() => localStorage.setItem('omstilling.lang', 'en'));
      const page = await context.newPage();
      await page.goto(`${server.url}/public/footprint`);
      await page.getByRole('heading', { level: 1, name: 'Your carbon footprint' }).waitFor();
      await page.getByLabel(/How large is your home/).waitFor();
      await check(page, 'english');
    },
    LONG,
  );
});
