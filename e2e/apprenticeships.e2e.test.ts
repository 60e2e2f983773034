// Apprenticeships end to end (program points A5 and B4): HR sees the road to three times as many
// apprentices, registers a place (bad dates and a missing contract refused in Norwegian), and marks
// it dropped; a business user sees only their own places. axe on every page; screenshots in /tmp/shots/appr-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const HR = 'emir.sandaker@asker.example'; // editor: apprenticeships
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe('apprenticeships in the browser', () => {
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

  /** Waits for the page to settle, takes a screenshot and runs axe. */
  async function check(page: Page, name: string) {
    await settleAndCheck(page, `appr-${name}`);
  }

  it('shows HR the road to the target and lets them register and follow a place', async () => {
    const page = await signIn(browser, server, HR, '/apprenticeships');
    await page.getByRole('heading', { level: 1, name: 'Lærlinger' }).waitFor();
    await page.getByRole('table', { name: 'Lærlinger per år mot veien til målet' }).getByRole('rowheader', { name: '2018' }).waitFor();
    await page.getByTestId('appr-chart').waitFor();
    await page.getByText(/er målet for 2027: 3 ganger 100 \(2018\)/).waitFor();
    await page.getByRole('heading', { name: /enheter uten lærling/ }).waitFor();
    await check(page, 'overview');

    await page.getByText('Registrer en læreplass').click();
    await page.getByLabel('Enhet eller bedrift').selectOption({ label: 'Hvalstad skole' });
    await page.getByLabel('Lærefag', { exact: true }).first().selectOption({ label: 'Institusjonskokkfaget' });
    await page.getByLabel('Slutt (planlagt)').fill('2020-01-01');
    await page.getByLabel('Status', { exact: true }).first().selectOption({ label: 'Besatt' });
    await page.getByRole('button', { name: 'Registrer læreplassen' }).click();
    await page.getByText(/Sluttdatoen \(2020-01-01\) må være etter startdatoen/).waitFor();
    await page.getByText('En besatt plass trenger kontraktsnummeret fra opplæringskontoret').waitFor();
    await check(page, 'form-errors');
    await page.getByLabel('Slutt (planlagt)').fill('2028-08-14');
    await page.getByLabel('Kontraktsnummer fra opplæringskontoret').first().fill('OKA-2026-4711');
    await page.getByRole('button', { name: 'Registrer læreplassen' }).click();
    await page.getByText('Læreplass i Institusjonskokkfaget hos Hvalstad skole er registrert.').waitFor();

    // Find it with the filters and mark it dropped.
    await page.getByRole('combobox', { name: 'Lærefag' }).last().selectOption({ label: 'Institusjonskokkfaget' });
    await page.getByRole('combobox', { name: 'Hvor' }).selectOption({ label: 'Kommunale enheter' });
    await page.getByRole('button', { name: 'Endre status: Institusjonskokkfaget, Hvalstad skole' }).click();
    await page.getByLabel('Ny status').selectOption({ label: 'Avbrutt' });
    await page.getByLabel('Avbrutt dato').fill('2026-10-01');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const row = page.getByRole('row', { name: /Hvalstad skole Institusjonskokkfaget .*Avbrutt OKA-2026-4711/ });
    await row.waitFor();
    await check(page, 'places');
    await page.context().close();
  });

  it('shows a business user only their own places, and no overview', async () => {
    const page = await signIn(browser, server, BUSINESS, '/apprenticeships');
    await page.getByRole('heading', { level: 1, name: 'Lærlinger' }).waitFor();
    await page.getByText('Registrer læreplassene i bedriften din').waitFor();
    await page.getByRole('status').filter({ hasText: /læreplass/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Veien til målet' }).count()).toBe(0);
    const places = (await (await page.request.get(`${server.url}/api/apprenticeships/places?limit=200`)).json()) as { items: { holder: string }[] };
    expect(places.items.every((p) => p.holder === 'Holmsbu Fjordhotell AS')).toBe(true);
    await check(page, 'business');
    await page.context().close();
  });
});
