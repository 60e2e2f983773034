// Food waste end to end (program point A6): a nursing-home kitchen manager registers waste on a
// phone (also offline, sent when back online) and sees the trend against the target; a shop posts
// surplus bread that a food-sharing NGO claims and confirms collected; the adviser sees the figures.
// axe (WCAG 2.1 AA) on every page visited; screenshots in /tmp/shots/foodwaste-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const MANAGER = 'kristoffer.aunevik@asker.example'; // Bråset bo- og omsorgssenter → Sentralkjøkken Bråset
const SHOP = 'lars@heggedal-naerbutikk.example'; // Heggedal Nærbutikk (foodwaste demo)
const RECEIVER = 'frida@asker-matdeling.example'; // Asker Matdeling (foodwaste demo)
const ADVISER = 'marit.kjosvold@asker.example'; // editor: foodwaste
const LONG = 120_000;
/** A phone: 390×844 with touch. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }; // the machine is shared and loaded

describe('food waste in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits for the page to settle, takes a screenshot and runs axe. */
  async function check(page: Page, name: string) {
    await settleAndCheck(page, `foodwaste-${name}`);
  }

  it(
    'a kitchen manager registers buffet waste on a phone, also offline, and sees the trend against the target',
    async () => {
      const page = await signIn(browser, server, MANAGER, '/foodwaste/register', PHONE);
      await page.getByRole('heading', { level: 1, name: 'Registrer matsvinn' }).waitFor();
      await page.getByText('Sentralkjøkken Bråset').first().waitFor();
      await check(page, 'register-phone');
      // Big buttons: stage, category, reason; the keypad writes 2,5; one tap saves.
      await page.getByRole('radio', { name: 'Servering/buffet' }).check();
      await page.getByRole('radio', { name: 'Middagsretter' }).check();
      await page.getByRole('radio', { name: 'Overproduksjon' }).check();
      // The municipality's own reason (demo data) is offered beside the fixed ones, by its name.
      await page.getByRole('radio', { name: 'Feil i bestillingen' }).waitFor();
      for (const key of ['2', 'Desimalkomma', '5']) await page.getByRole('button', { name: key, exact: true }).tap();
      expect(await page.getByLabel('Vekt (kg)').inputValue()).toBe('2,5');
      const box = await page.getByRole('button', { name: 'Lagre', exact: true }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48); // a touch target, with a margin
      await page.getByRole('button', { name: 'Lagre', exact: true }).tap();
      await page.getByText('Lagret: 2,5 kg.').waitFor();
      // A bad weight is refused in the page, in Norwegian.
      await page.getByLabel('Vekt (kg)').fill('900');
      await page.getByRole('button', { name: 'Lagre', exact: true }).tap();
      await page.getByText('Vekten er over grensen på 500 kg per registrering. Sjekk kommaet.').waitFor();
      // Offline: kept on the phone, shown as waiting, sent when the network is back.
      await page.context().setOffline(true);
      await page.getByLabel('Vekt (kg)').fill('1,2');
      await page.getByRole('button', { name: 'Lagre', exact: true }).tap();
      await page.getByText('Lagret på telefonen: 1,2 kg. Sendes når nettet er tilbake.').waitFor();
      await page.getByText('1 registrering venter på å bli sendt.').waitFor();
      await page.screenshot({ path: `${SHOTS}/foodwaste-register-offline.png`, fullPage: true });
      await page.context().setOffline(false);
      await page.getByText('venter på å bli sendt').waitFor({ state: 'detached', timeout: 20_000 });
      const res = await page.request.get(`${server.url}/api/foodwaste/registrations`);
      const mine = ((await res.json()) as { kg: number; date: string }[]).filter((r) => r.kg === 2.5 || r.kg === 1.2);
      expect(mine.map((r) => r.kg).sort()).toEqual([1.2, 2.5]);
      // Portions served today, beside the waste.
      await page.getByLabel(/^Antall porsjoner/).fill('850');
      await page.getByRole('button', { name: 'Lagre antallet' }).tap();
      await page.getByText('Lagret: 850.').waitFor();
      // The dashboard: the trend against the target, with the numbers as a table.
      await page.getByRole('link', { name: 'Se utviklingen for Sentralkjøkken Bråset' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Sentralkjøkken Bråset' }).waitFor();
      await page.locator('[data-testid="fw-chart"] svg').first().waitFor();
      await page.getByRole('table', { name: /Matsvinn per kvartal i g per porsjon/ }).waitFor();
      await page.getByText('I rute').first().waitFor();
      await check(page, 'kitchen-phone');
    },
    LONG,
  );

  it(
    'a shop posts surplus bread, a food-sharing NGO claims it and confirms the pickup',
    async () => {
      const shop = await signIn(browser, server, SHOP, '/foodwaste/offers');
      await shop.getByRole('heading', { level: 1, name: 'Overskuddsmat' }).waitFor();
      await check(shop, 'offers-shop');
      await shop.getByLabel('Hva tilbys?').fill('Brød og rundstykker fra i dag');
      await shop.getByLabel('Vekt (kg)').fill('6,5');
      await shop.getByLabel('Hentested').fill('Heggedal Nærbutikk, bakdøra');
      await shop.getByRole('button', { name: 'Legg ut tilbudet' }).click();
      await shop.getByText('Tilbudet «Brød og rundstykker fra i dag» er lagt ut.').waitFor();
      await shop.getByRole('heading', { name: 'Brød og rundstykker fra i dag – 6,5 kg' }).waitFor();

      // The receiver stands in Asker sentrum and asks for the nearest offers first.
      const ngo = await signIn(browser, server, RECEIVER, '/foodwaste/offers', { viewport: { width: 1280, height: 900 }, geolocation: { latitude: 59.8339, longitude: 10.4349 }, permissions: ['geolocation'] });
      await ngo.getByRole('heading', { level: 2, name: 'Ledige tilbud og dine reservasjoner' }).waitFor();
      await ngo.getByRole('button', { name: 'Bruk min posisjon' }).click();
      await ngo.getByText(/Tilbudene er sortert etter avstand fra 59,834, 10,435/).waitFor();
      const titles = () => ngo.locator('.fw-offers h3').allInnerTexts();
      await ngo.getByText(/km unna/).first().waitFor();
      expect((await titles())[0]).toBe('Middag til overs: kyllinggryte – 12 kg'); // Bråset, about 1 km away
      expect(await titles()).toContain('Frokostbuffet: egg, pålegg og frukt – 6 kg'); // Holmsbu, about 30 km
      await ngo.getByLabel('Avstand').selectOption({ label: 'Innen 10 km' });
      await ngo.getByRole('heading', { name: 'Frokostbuffet: egg, pålegg og frukt – 6 kg' }).waitFor({ state: 'detached' });
      await check(ngo, 'offers-receiver');
      await ngo.getByRole('button', { name: 'Reserver: Brød og rundstykker fra i dag' }).click();
      await ngo.getByText('Du har reservert «Brød og rundstykker fra i dag».').waitFor();
      await ngo.getByRole('button', { name: 'Bekreft hentet: Brød og rundstykker fra i dag' }).click();
      await ngo.getByText('«Brød og rundstykker fra i dag» er registrert som hentet.').waitFor();
      await check(ngo, 'offers-collected');
    },
    LONG,
  );

  it(
    'the adviser sees the figures, the kitchens with their status, and each kitchen',
    async () => {
      const page = await signIn(browser, server, ADVISER, '/foodwaste');
      await page.getByRole('heading', { level: 1, name: 'Matsvinn' }).waitFor();
      await page.getByRole('table', { name: /Kjøkken med status/ }).waitFor();
      await page.getByText('Ikke i rute').first().waitFor(); // the school canteen
      // An import with a bad line writes nothing and names the line.
      await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'vekt.csv', mimeType: 'text/csv', buffer: Buffer.from('kjøkken;dato;ledd;kategori;årsak;mottak;kg\r\nSentralkjøkken Bråset;2026-11-02;tallerkenrester;middagsretter;overproduksjon;biogass;-4\r\n') });
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByRole('row', { name: '2 kg Vekten må være større enn 0 kg' }).waitFor();
      // A stage of its own for the canteens, offered at once in quick entry.
      await page.getByLabel('Liste', { exact: true }).selectOption({ label: 'Ledd' });
      await page.getByLabel('Navn på norsk').fill('Kantinedisk');
      await page.getByLabel('Navn på engelsk').fill('Canteen counter');
      await page.getByRole('button', { name: 'Legg til valget' }).click();
      await page.getByText('«Kantinedisk» er lagt til i ledd.').waitFor();
      await page.getByRole('button', { name: 'Ta «Kantinedisk» ut av bruk' }).waitFor();
      await page.getByLabel('Navn på norsk').fill('Lager');
      await page.getByRole('button', { name: 'Legg til valget' }).click();
      await page.getByText('Listen over ledd har allerede «Lager»').waitFor();
      await check(page, 'overview');
      await page.goto(`${server.url}/foodwaste/register`);
      await page.getByRole('radio', { name: 'Kantinedisk' }).waitFor();
      await page.goto(`${server.url}/foodwaste`);
      await page.getByRole('link', { name: 'Hvalstad skole, kantine' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hvalstad skole, kantine' }).waitFor();
      await page.locator('[data-testid="fw-chart"] svg').first().waitFor();
      await check(page, 'kitchen');
    },
    LONG,
  );
});
