// Services end to end (program point C2): a kindergarten's manager adopts a measure and reports
// on it (bad input refused in Norwegian first); the services editor sees coverage per service area
// and the units to follow up; a resident reads the public catalogue on a phone. axe on every page;
// screenshots in /tmp/shots/svc-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const MANAGER = 'eirik.hovdenak@asker.example'; // Bleikerfaret barnehage
const EDITOR = 'camilla.nesseklev@asker.example'; // editor: campaign, services

describe('services in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const check = (page: Page, name: string) => settleAndCheck(page, `svc-${name}`);

  it('lets a unit manager adopt a measure for their kindergarten and report on it', async () => {
    const page = await signIn(browser, server, MANAGER, '/services');
    await page.getByRole('heading', { level: 1, name: 'Bærekraft i tjenestene' }).waitFor();
    await page.getByRole('heading', { name: 'Din enhet' }).waitFor();
    await page.getByRole('table', { name: 'Tiltak i katalogen' }).getByRole('rowheader', { name: /Uteskole og uteliv i barnehagen/ }).waitFor();
    // A unit manager does not edit the catalogue.
    expect(await page.getByRole('button', { name: 'Hent standardkatalogen' }).count()).toBe(0);
    await check(page, 'start');

    await page.getByRole('link', { name: 'Åpne siden for Bleikerfaret barnehage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bleikerfaret barnehage' }).waitFor();
    await page.getByText('Ikke bærekraft i planen', { exact: true }).waitFor();
    await page.getByText('Enheten har ikke tatt i bruk noe tiltak ennå.').waitFor();
    await check(page, 'unit-empty');

    await page.getByLabel('Tiltak', { exact: true }).selectOption({ label: 'Uteskole og uteliv i barnehagen' });
    await page.getByLabel('Dato', { exact: true }).fill('2099-01-01');
    await page.getByRole('button', { name: 'Ta i bruk', exact: true }).click();
    await page.getByText(/Datoen kan ikke være etter i dag/).waitFor();
    await page.getByLabel('Dato', { exact: true }).fill('2026-09-01');
    await page.getByRole('button', { name: 'Ta i bruk', exact: true }).click();
    await page.getByText('«Uteskole og uteliv i barnehagen» er tatt i bruk.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Uteskole og uteliv i barnehagen' }).waitFor();

    await page.getByText('Skriv en rapport om «Uteskole og uteliv i barnehagen»').click();
    await page.getByLabel('Hva er gjort?').fill('Tur');
    await page.getByLabel('Antall deltakere (valgfritt)').fill('-4');
    await page.getByRole('button', { name: 'Send rapporten' }).click();
    await page.getByText('Skriv noen ord om hva som er gjort (minst 10 tegn)').waitFor();
    await page.getByText('Antall deltakere må være et helt tall, 0 eller mer').waitFor();
    await check(page, 'report-errors');
    await page.getByLabel('Hva er gjort?').fill('Alle avdelingene har hatt turdag i skogen hver tirsdag.');
    await page.getByLabel('Antall deltakere (valgfritt)').fill('54');
    await page.getByRole('button', { name: 'Send rapporten' }).click();
    await page.getByText('Rapporten er lagret.').waitFor();
    await page.getByText('Bærekraft i planen', { exact: true }).waitFor();
    await page.getByText(/Alle avdelingene har hatt turdag/).waitFor();
    await check(page, 'unit-reported');

    // The manager cannot act for another unit: the page of Hvalstad skole is read-only.
    const hvalstad = (await (await page.request.get(`${server.url}/api/services/units?limit=200`)).json()) as { items: { id: string; name: string; canAct: boolean }[] };
    const other = hvalstad.items.find((u) => u.name === 'Hvalstad skole')!;
    expect(other.canAct).toBe(false);
    await page.goto(`${server.url}/services/units/${other.id}`);
    await page.getByText('Du kan lese siden, men bare enhetens leder og redaktørene for tjenester kan endre den.').waitFor();
    expect(await page.getByRole('button', { name: 'Ta i bruk', exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('shows the services editor coverage per service area, the units to follow up and the exports', async () => {
    const page = await signIn(browser, server, EDITOR, '/services/coverage');
    await page.getByRole('heading', { level: 1, name: 'Dekning per tjenesteområde' }).waitFor();
    const areas = page.getByRole('table', { name: /^Dekning per tjenesteområde per/ });
    await areas.getByRole('rowheader', { name: 'Barnehager' }).waitFor();
    await page.getByTestId('svc-chart').waitFor();
    await page.getByRole('table', { name: /Andel med bærekraft i planen per 31\. desember/ }).getByRole('rowheader', { name: '2024' }).waitFor();
    const without = page.getByRole('table', { name: /^Enheter uten aktivt tiltak per/ });
    await without.waitFor();
    // Bleikerfaret adopted a measure in the test above, so it is no longer to follow up.
    expect(await without.getByRole('rowheader', { name: 'Bleikerfaret barnehage' }).count()).toBe(0);
    await page.getByRole('table', { name: /Status for hvert tiltak i hver enhet/ }).getByRole('rowheader', { name: 'Bleikerfaret barnehage' }).waitFor();
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toMatch(/\/api\/services\/coverage\/export\?format=csv/);
    await check(page, 'coverage');

    await page.goto(`${server.url}/services`);
    await page.getByRole('button', { name: 'Hent standardkatalogen' }).waitFor();
    await page.getByText('Nytt tiltak').click();
    await page.getByLabel('Tittel (bokmål)').fill('Sykkeldag');
    await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await page.getByText('Skriv en tittel på engelsk (minst 3 tegn)').waitFor();
    await page.getByText('Velg minst ett tjenesteområde').waitFor();
    await check(page, 'catalogue-editor');
    await page.context().close();
  });

  it('lets a resident read the public catalogue on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/services`);
    await page.getByRole('heading', { level: 1, name: 'Bærekraft i kommunens tjenester' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Plantebaserte dager i kantine og kjøkken' }).waitFor();
    await page.getByLabel('Tjenesteområde').selectOption({ label: 'Familietjenester' });
    await page.getByRole('heading', { level: 2, name: 'Kosthold og bærekraft i helsestasjonens samtaler' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Uteskole og uteliv i barnehagen' }).count()).toBe(0);
    await check(page, 'public-phone');
    await context.close();
  });
});
