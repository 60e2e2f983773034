// Agriculture end to end (program point B5): a farm user reports a delivery for their own farm
// (a bad quantity refused in Norwegian first) and cannot open another farm; an editor sees the
// organic share by year, the deliveries by channel, and a farm's areas. axe on every page;
// screenshots in /tmp/shots/ag-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const EDITOR = 'ingeborg.lundestad@asker.example'; // editor: agriculture
const FARMER = 'thomas@hyggen-okogard.example'; // Hyggen Økogård 989862650

describe('agriculture in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = (page: Page, name: string) => settleAndCheck(page, `ag-${name}`);

  it('lets a farm user report a delivery for their own farm only', async () => {
    const page = await signIn(browser, server, FARMER, '/agriculture/report');
    await page.getByRole('heading', { level: 1, name: 'Rapporter leveranser – Hyggen Økogård' }).waitFor();
    await page.getByRole('table', { name: 'Gårdens leveranser, nyeste periode først' }).waitFor();
    await check(page, 'report');

    await page.getByLabel('År', { exact: true }).selectOption('2026');
    await page.getByLabel('Måned').selectOption({ label: 'oktober' });
    await page.getByLabel('Salgskanal').selectOption({ label: 'REKO-ring og bondens marked' });
    await page.getByLabel('Varegruppe').selectOption({ label: 'Grønnsaker' });
    await page.getByLabel('Mengde (kg)').fill('-4');
    await page.getByLabel('Verdi (kr, uten mva.)').fill('900');
    await page.getByRole('button', { name: 'Lagre leveransen' }).click();
    await page.getByRole('link', { name: 'Mengden må være større enn 0 kg' }).waitFor();
    await page.getByLabel('Mengde (kg)').fill('123,5');
    await page.getByRole('button', { name: 'Lagre leveransen' }).click();
    await page.getByText('Leveransen er lagret: 123,5 kg for 2026-10.').waitFor();
    await page.getByRole('row', { name: /2026-10 REKO-ring og bondens marked Grønnsaker 123,5 900 Thomas Greverud/ }).waitFor();
    await check(page, 'reported');

    // Another farm is not theirs: the page says so, and the API answers 403.
    const farms = (await (await page.request.get(`${server.url}/api/agriculture/farms`)).json()) as { id: string; name: string }[];
    expect(farms.map((f) => f.name)).toEqual(['Hyggen Økogård']);
    const admin = await signIn(browser, server, EDITOR, '/agriculture');
    const all = (await (await admin.request.get(`${server.url}/api/agriculture/farms`)).json()) as { id: string; name: string }[];
    const other = all.find((f) => f.name === 'Åros Bær og Frukt')!;
    await admin.context().close();
    expect((await page.request.get(`${server.url}/api/agriculture/farms/${other.id}`)).status()).toBe(403);
    await page.goto(`${server.url}/agriculture/farms/${other.id}`);
    await page.getByText('Du har ikke tilgang til dette.').waitFor();
    await page.context().close();
  }, 240_000);

  it('shows an editor the organic share by year, deliveries by channel and a farm page', async () => {
    const page = await signIn(browser, server, EDITOR, '/agriculture');
    await page.getByRole('heading', { level: 1, name: 'Landbruk og lokal mat' }).waitFor();
    const share = page.getByRole('table', { name: 'Jordbruksareal etter driftsform per år (dekar og prosent)' });
    await share.getByRole('rowheader', { name: '2021' }).waitFor();
    await page.getByTestId('ag-share-chart').locator('svg').waitFor();
    await page.getByTestId('ag-delivery-chart').locator('svg').waitFor();
    await page.getByText(/av jordbruksarealet var økologisk i 2025/).waitFor();
    // The 2021 share as the program counts it (organic and in conversion) matches the API.
    const results = (await (await page.request.get(`${server.url}/api/agriculture/results`)).json()) as { years: { year: number; organicShare: number }[] };
    const y21 = results.years.find((y) => y.year === 2021)!;
    const cells = await share.getByRole('row', { name: /^2021 / }).getByRole('cell').allInnerTexts();
    expect(cells[3]).toBe(new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(Math.round(y21.organicShare * 10) / 10));
    await page.getByRole('table', { name: 'Etter salgskanal i 2025' }).getByRole('rowheader', { name: 'Gårdsbutikk og gårdssalg' }).waitFor();
    await check(page, 'overview');

    await page.getByRole('link', { name: 'Hyggen Økogård' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hyggen Økogård' }).waitFor();
    await page.getByRole('table', { name: /Areal etter vekst og driftsform i/ }).waitFor();
    await page.getByText('DEBIO-12-0231').waitFor();
    await check(page, 'farm');

    // The export answers with a CSV the editor may download.
    const csv = await page.request.get(`${server.url}/api/agriculture/results/export?format=csv&table=years`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toContain('andel_økologisk_prosent');
    await page.context().close();
  }, 240_000);
});
