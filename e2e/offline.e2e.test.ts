// The food-waste quick entry loads and takes registrations with no network at all (after one
// visit online), through the service worker; the queued registration is sent when the network
// is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer } from './harness.js';

const MANAGER = 'kristoffer.aunevik@asker.example';
const PASSWORD = 'omstilling-demo';

describe('offline quick entry', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the quick entry offline after one visit, and sends what was registered when back online', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login?redirect=${encodeURIComponent('/foodwaste/register')}`);
    await page.getByLabel('E-postadresse').fill(MANAGER);
    await page.getByLabel('Passord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer matsvinn' }).waitFor();
    await page.getByText('Sentralkjøkken Bråset').first().waitFor();
    // The service worker is installed and controls the page after a reload.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.getByText('Sentralkjøkken Bråset').first().waitFor();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    // No network at all: the page still loads, from the service worker's cache.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Registrer matsvinn' }).waitFor();
    await page.getByText('Sentralkjøkken Bråset').first().waitFor();
    await page.getByRole('radio', { name: 'Tilberedning' }).check();
    await page.getByRole('radio', { name: 'Frukt og grønt' }).check();
    await page.getByRole('radio', { name: 'Avskjær' }).check();
    await page.getByLabel('Vekt (kg)').fill('3,4');
    await page.getByRole('button', { name: 'Lagre', exact: true }).tap();
    await page.getByText('Lagret på telefonen: 3,4 kg. Sendes når nettet er tilbake.').waitFor();

    await context.setOffline(false);
    await page.getByText('venter på å bli sendt').waitFor({ state: 'detached', timeout: 30_000 });
    const res = await page.request.get(`${server.url}/api/foodwaste/registrations`);
    expect(((await res.json()) as { kg: number }[]).some((r) => r.kg === 3.4)).toBe(true);
    await context.close();
  }, 120_000);
});
