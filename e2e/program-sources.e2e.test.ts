import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, DEMO_ADMIN as ADMIN, launchBrowser, startTestServer, type TestServer } from './harness.js';

const FIXTURE = path.resolve(import.meta.dirname, '../packages/core/src/program/__fixtures__/ssb-07459-asker.json');

describe('indicator sources in the browser', () => {
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

  it('adds a Statistics Norway series as a source and makes it the indicator’s own', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('E-postadresse').fill(ADMIN.email);
    await page.getByLabel('Passord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    const programs = (await (await fetch(`${server.url}/api/public/programs`)).json()) as { id: string }[];
    await page.goto(`${server.url}/program/${programs[0]!.id}/indicators/population`);
    await page.getByRole('heading', { level: 1, name: 'Folkemengde' }).waitFor();

    await page.getByText('Legg til kilde fra SSB (JSON-stat)').click();
    await page.getByLabel('JSON-stat-fil').setInputFiles({ name: '07459.json', mimeType: 'application/json', buffer: fs.readFileSync(FIXTURE) });
    // A selection that leaves a dimension open is explained, and nothing is added.
    await page.getByLabel('Utvalg').fill('Region=3203');
    await page.getByRole('button', { name: 'Legg til kilde' }).click();
    await page.getByText(/velg én verdi for dimensjonen «Kjonn»/).waitFor();
    await page.getByLabel('Utvalg').fill('Region=3203,Kjonn=2');
    await page.getByLabel('Datering av perioden').selectOption('start');
    await page.getByRole('button', { name: 'Legg til kilde' }).click();
    await page.getByText(/3 verdier fra «Statistisk sentralbyrå/).waitFor();
    await checkA11y(page, 'indicator-sources');

    const sources = page.getByRole('table', { name: 'Kilder' });
    await expect.poll(() => sources.getByRole('row').count()).toBe(3); // header + entered + SSB
    await sources.getByRole('button', { name: /^Bruk som egen kilde: Statistisk sentralbyrå/ }).click();
    await sources.getByRole('row', { name: /Statistisk sentralbyrå.*indikatorens egen kilde/ }).waitFor();
    // A published table: the municipality's rows summed per year, as one more source.
    await page.getByText('Legg til kilde fra en publisert tabell (CSV eller Excel)').click();
    const table = 'Kommunenummer;År;Sektor;Innbyggere\r\n3203;2021;A;90 000\r\n3203;2021;B;4 915\r\n3201;2021;A;1\r\n';
    await page.getByLabel('Tabellfil').setInputFiles({ name: 'tabell.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
    await page.getByLabel('Kolonne med verdien').fill('Innbyggere');
    await page.getByLabel('Produsent').fill('Testbyrået');
    await page.getByRole('button', { name: 'Legg til kilde' }).nth(1).click();
    await page.getByText(/1 verdi fra «Testbyrået/).waitFor();
    await expect.poll(() => sources.getByRole('row').count()).toBe(4);
    await checkA11y(page, 'indicator-sources-table');
    fs.mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/program-14-sources.png', fullPage: true });
    await page.close();
  }, 120_000);
});
