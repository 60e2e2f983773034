// Business land end to end (program point B3): the land editor sees the plots on the map and in a
// table, opens the open call and finds its ranking with every step (raw value, normalisation,
// normalised value, weight, points), the sensitivity and the weight slider; records a decision;
// bad input refused; a business user applies for its own business and sees no ranking. axe on
// every page; screenshots in /tmp/shots/land-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

/**
 * Asker's base demo (units, organisations, users, the program) and the land demo only, so this
 * test neither waits for nor depends on the other domains' demo data.
 */
function landOnlyDataDir(): string {
  const real = path.resolve(import.meta.dirname, '../data');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'land-e2e-data-'));
  for (const d of ['reference', 'programs']) fs.symlinkSync(path.join(real, d), path.join(dir, d));
  fs.mkdirSync(path.join(dir, 'demo', 'asker'), { recursive: true });
  for (const f of ['municipality.json', 'units.json', 'organisations.json', 'users.json', 'indicator-values.csv', 'land.json']) fs.copyFileSync(path.join(real, 'demo', 'asker', f), path.join(dir, 'demo', 'asker', f));
  return dir;
}

const EDITOR = 'sindre.taraldsrud@asker.example'; // editor: land
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe('business land in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({ env: { DATA_DIR: landOnlyDataDir() } });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = (page: Page, name: string) => settleAndCheck(page, `land-${name}`);

  it('lets a business user apply for its own business (building larger than the plot refused), and shows no ranking', async () => {
    const page = await signIn(browser, server, BUSINESS, '/land');
    await page.getByRole('heading', { level: 1, name: 'Næringsarealer' }).waitFor();
    await page.getByRole('link', { name: 'Feste av felt B, Slemmestad næringsområde' }).waitFor();
    const calls = (await (await page.request.get(`${server.url}/api/land/land-calls?status=open`)).json()) as { items: { id: string }[] };
    await page.goto(`${server.url}/land/calls/${calls.items[0]!.id}`);
    await page.getByRole('heading', { level: 2, name: 'Om utlysningen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Rangering' }).count()).toBe(0);
    await page.getByLabel('Forventede arbeidsplasser').fill('12');
    await page.getByLabel(/Bygningsareal/).fill('20000');
    await page.getByLabel('Virksomhet på tomten').fill('Hotellvaskeri');
    await page.getByLabel('Næringskode (SN2007)').fill('96.010');
    await page.getByLabel('Grønn/sirkulær profil (0–100)').fill('40');
    await page.getByLabel('Trafikk (kjøretøy per døgn)').fill('20');
    await page.getByRole('button', { name: 'Send søknaden' }).click();
    await page.getByText('Bygningsarealet (20000 m²) er større enn tomten (14000 m²)').waitFor();
    await page.getByLabel(/Bygningsareal/).fill('1200');
    await page.getByRole('button', { name: 'Send søknaden' }).click();
    await page.getByText('Søknaden fra Holmsbu Fjordhotell AS er registrert.').waitFor();
    await page.getByRole('table', { name: 'Søknadene fra bedriften din' }).getByRole('rowheader', { name: 'Hotellvaskeri' }).waitFor();
    await check(page, 'business');
    await page.context().close();
  });

  it('ranks the applicants of a call with every step visible, shows the sensitivity and records the decision', async () => {
    const page = await signIn(browser, server, EDITOR, '/land');
    await page.getByRole('heading', { level: 1, name: 'Næringsarealer' }).waitFor();
    await page.getByRole('img', { name: /Kommunale næringstomter på kommunekartet/ }).waitFor();
    await page.getByRole('table', { name: /8 tomter/ }).getByRole('rowheader', { name: 'Billingstad næringspark, tomt 3' }).waitFor();
    await page.getByText(/arbeidsplasser per 1 000 m² tildelt kommunal næringsgrunn/).waitFor();
    await check(page, 'overview');

    await page.getByRole('link', { name: 'Feste av tomt 3, Billingstad næringspark' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feste av tomt 3, Billingstad næringspark' }).waitFor();
    const ranking = page.getByRole('table', { name: /Søkerne rangert etter poeng/ });
    await ranking.getByRole('rowheader').first().waitFor();
    const order = await ranking.getByRole('rowheader').allTextContents();
    expect(order[0]).toBe('Solcellemontasje Heggedal AS');
    expect(order.at(-1)).toBe('Nesbru Logistikk AS');
    // Every step for the warehouse: jobs per m² 18 / 14 000 = 0,00129 against the best 0,00429 → 0,3 × 50 = 15 points.
    const steps = page.getByRole('table', { name: /Råverdi, normalisering, normalisert verdi, vekt og poeng/ });
    const jobsRow = steps.getByRole('row', { name: /Nesbru Logistikk AS Arbeidsplasser per m² tomt/ });
    await expect(jobsRow.getByRole('cell').nth(1).textContent()).resolves.toBe('0,00129');
    await expect(jobsRow.getByRole('cell').nth(2).textContent()).resolves.toBe('0,00129 / 0,00429');
    await expect(jobsRow.getByRole('cell').nth(3).textContent()).resolves.toBe('0,3');
    await expect(jobsRow.getByRole('cell').nth(4).textContent()).resolves.toBe('50');
    await expect(jobsRow.getByRole('cell').nth(5).textContent()).resolves.toBe('15');
    const traffic = steps.getByRole('row', { name: /Nesbru Logistikk AS Trafikk per døgn/ });
    await expect(traffic.getByRole('cell').nth(2).textContent()).resolves.toBe('20 / 400'); // the hotel laundry applied above with 20 per day
    expect(await steps.getByRole('row').count()).toBe(1 + 5 * 4);
    await page.getByRole('table', { name: /Vektene der Solcellemontasje Heggedal AS er først/ }).waitFor();
    await check(page, 'ranking');

    // The slider: with the green profile weighted 100, the greenest applicant leads.
    await page.getByLabel('Kriterium', { exact: true }).selectOption({ label: 'Grønn / sirkulær profil' });
    await page.getByLabel(/^Vekt: /).press('End');
    const tried = page.getByRole('table', { name: /Rangeringen med Grønn \/ sirkulær profil vektet 100/ });
    await expect(tried.getByRole('rowheader').first().textContent()).resolves.toBe('Kretsløp Biogass AS');

    // The decision: a short reason is refused, then recorded and logged.
    await page.getByText('Registrer avgjørelsen').click();
    await page.getByRole('button', { name: 'Lagre avgjørelsen' }).click();
    await page.getByText('Begrunn avgjørelsen (minst 10 tegn)').waitFor();
    await page.getByRole('textbox', { name: 'Begrunnelse' }).fill('Først i rangeringen: flest arbeidsplasser per m² og grønn profil.');
    await page.getByRole('button', { name: 'Lagre avgjørelsen' }).click();
    await page.getByRole('heading', { name: 'Avgjørelse', exact: true }).waitFor();
    await check(page, 'decided');
    await page.getByRole('link', { name: 'Avgjørelsesloggen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Avgjørelser om kommunal næringsgrunn' }).waitFor();
    await page.getByRole('row', { name: /Billingstad næringspark, tomt 3 Festet bort Solcellemontasje Heggedal AS/ }).waitFor();
    await check(page, 'decisions');
    await page.context().close();
  });

  it('refuses a plot of 0 m² with the reason', async () => {
    const page = await signIn(browser, server, EDITOR, '/land');
    await page.getByText('Registrer en tomt').click();
    await page.getByLabel('Tomt', { exact: true }).fill('Nulltomta');
    await page.getByLabel('Areal (m²)', { exact: true }).fill('0');
    await page.getByLabel('Reguleringsplan (planID)').fill('X-1');
    await page.getByLabel('Breddegrad (WGS84)').fill('59,8');
    await page.getByLabel('Lengdegrad (WGS84)').fill('10,45');
    await page.getByRole('button', { name: 'Registrer tomten' }).click();
    await page.getByText('Arealet må være større enn 0 m²').waitFor();
    await check(page, 'plot-error');
    await page.context().close();
  });

});
