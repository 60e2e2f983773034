// Investments end to end (program point A3): a finance officer pastes the Norges Bank table,
// imports a custodian report, sees which holdings breach the policy and why, clears the review
// queue and moves a breach along the divestment tracker. axe on every state; screenshots in
// /tmp/shots/investments-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, signIn, SHOTS, startTestServer, type TestServer } from './harness.js';

const OFFICER = 'hilde.asgardlien@asker.example'; // editor: investments
const LONG = 180_000; // the machine is shared and loaded

const PASTED = ['Company\tCategory\tCriterion\tDecision\tDate', 'Marathon Oil Corp\tProduct-based\tOil sands\tExclusion\t01.02.2026', 'NTPC Ltd\tProduct-based\tProduction of coal or coal-based energy\tExclusion\t01.02.2026'].join('\n');
const HOLDINGS = ['name;isin;country;market_value_nok;konto', 'MARATHON OIL CORP /DE/;;US;2 500 000;K1', 'MARATHON PETROLEUM CORP;;US;4 000 000;K1', 'NHPC LTD;;IN;1 500 000;K2', 'NTPC LIMITED;;IN;2 000 000;K2'].join('\r\n') + '\r\n';

describe('investments in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-investments-e2e-'));
    server = await startTestServer();
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // The investments pages load large results: allow the loading indicator longer than the default.
  const check = (page: Page, name: string) => settleAndCheck(page, `investments-${name}`, 20_000);

  it(
    'a finance officer imports the list and a report, sees the breaches, clears the review queue and tracks a divestment',
    async () => {
      const page = await signIn(browser, server, OFFICER, '/investments');
      await page.getByRole('heading', { level: 1, name: 'Investeringer' }).waitFor();
      // The demo: Energifondet's newest report, one breach (climate), the trend, one review candidate.
      await page.getByRole('table', { name: 'Brudd per kriterium' }).waitFor();
      await page.getByRole('table', { name: /Beholdninger i brudd/ }).getByText('CANADIAN NATURAL RES LTD').waitFor();
      await page.getByRole('table', { name: /Andel av fondsverdien i brudd/ }).waitFor();
      await check(page, 'overview');

      // Paste the Norges Bank table as the municipality's own list, then import a custodian report.
      await page.getByLabel('Listenøkkel').fill('own');
      await page.getByLabel('Navn på listen').fill('Kommunestyrets egne vedtak');
      await page.getByLabel('Eller lim inn tabellen fra Norges Bank').fill(PASTED);
      await page.getByRole('button', { name: 'Importer liste' }).click();
      await page.getByText('Versjon 1 lagret med 2 selskaper.').waitFor();
      const file = path.join(dir, 'depot-2026-09-30.csv');
      fs.writeFileSync(file, HOLDINGS);
      await page.getByLabel('Porteføljenøkkel').fill('kraftfondet');
      await page.getByLabel('Porteføljens navn').fill('Kraftfondet');
      await page.getByLabel('Rapportdato', { exact: true }).fill('2026-09-30');
      await page.getByLabel('Fil', { exact: true }).nth(1).setInputFiles(file);
      await page.getByRole('button', { name: 'Importer rapport' }).click();
      await page.getByText('4 beholdninger per 2026-09-30 importert.').waitFor();

      // Within a second of choosing it: the breaches and why; the near-names are left alone.
      const started = Date.now();
      await page.getByLabel('Portefølje og rapportdato').selectOption({ label: 'Kraftfondet – 2026-09-30' });
      const breaches = page.getByRole('table', { name: /Beholdninger i brudd/ });
      await breaches.getByText('MARATHON OIL CORP /DE/').waitFor();
      expect(Date.now() - started).toBeLessThan(5_000); // a browser on a loaded shared machine; the API itself answers well within a second
      const text = await breaches.innerText();
      expect(text).toContain('NTPC LIMITED');
      expect(text).not.toContain('MARATHON PETROLEUM');
      expect(text).not.toContain('NHPC');
      expect(text).toMatch(/Oljesand/);
      await page.getByText(/Andel i brudd 45\s%/).waitFor();
      await check(page, 'breaches');

      // Clear the review queue: the Malaysian subsidiary of BAT is confirmed.
      const review = page.getByRole('table', { name: 'Mulige treff som venter på vurdering' });
      await review.getByText('BRITISH AMERICAN TOBACCO MALAYSIA BHD').waitFor();
      await page.getByRole('button', { name: 'Bekreft at BRITISH AMERICAN TOBACCO MALAYSIA BHD er British American Tobacco PLC' }).click();
      await page.getByText('Ingen navnetreff venter på vurdering.').waitFor();

      // Move Canadian Natural Resources from decided to sold.
      const tracker = page.getByRole('table', { name: /Brudd og nedsalg/ });
      const row = tracker.getByRole('row').filter({ hasText: 'CANADIAN NATURAL RES LTD' });
      await row.getByText('Vedtatt solgt').first().waitFor();
      await row.getByRole('button', { name: 'Merk som solgt' }).click();
      await row.getByText('Solgt', { exact: true }).waitFor();
      await check(page, 'review-cleared');

      // The workbook and the PDF report for the finance committee are one click away.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned rapport til finansutvalget (XLSX)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^investeringer-kraftfondet-2026-09-30\.xlsx$/);
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned rapport til finansutvalget (PDF)' }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/^investeringer-kraftfondet-2026-09-30\.pdf$/);
      expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    },
    LONG,
  );
});
