// Green procurement end to end (program point A2): a procurement officer builds a tender from the
// criteria library, is stopped while environment weighs too little, publishes at 30 %, enters bids and
// reads the evaluation with its formulas; the demo's furniture tender warns of a rank reversal; the
// follow-up dashboard shows what suppliers still owe. axe (WCAG 2.1 AA) on every page visited;
// screenshots in /tmp/shots/procurement-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const OFFICER = 'anders.vikhagen@asker.example'; // editor: procurement
const LONG = 180_000; // the machine is shared and loaded

describe('green procurement in the browser', () => {
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
    await settleAndCheck(page, `procurement-${name}`);
  }

  it(
    'an officer builds a tender from the library, is stopped below 30 %, publishes, enters bids and reads the evaluation',
    async () => {
      const page = await signIn(browser, server, OFFICER, '/procurement');
      await page.getByRole('heading', { level: 1, name: 'Grønne anskaffelser' }).waitFor();
      await page.getByRole('link', { name: 'Elektriske servicebiler til hjemmetjenesten' }).waitFor();
      await check(page, 'list');

      await page.getByRole('link', { name: 'Ny konkurranse fra kriteriebiblioteket' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ny konkurranse' }).waitFor();
      await page.getByLabel('Saksnummer').fill('2026/0999');
      await page.getByLabel('Tittel', { exact: true }).fill('Elbiler til vei og park');
      await page.getByLabel('CPV-kode').fill('34144900-7');
      await page.getByLabel('Anslått verdi ekskl. mva.').fill('2500000');
      // Price 70 and quality 30: environment weighs 0 %, and the page says so before anything is sent.
      await page.getByText('Konkurransen kan ikke kunngjøres slik den er').waitFor();
      await page.getByText('Klima og miljø vektes 0 %, men skal vektes minst 30 %').waitFor();
      await check(page, 'builder-stopped');
      // From the library: an award criterion (becomes an environment criterion) and a requirement.
      await page.getByRole('checkbox', { name: /Lavt energiforbruk per km/ }).check();
      await page.getByRole('checkbox', { name: /Nullutslipp for personbiler/ }).check();
      await page.getByLabel('Vekt i prosent for kriterium 1').fill('40');
      await page.getByLabel('Vekt i prosent for kriterium 3').fill('30');
      await page.getByText('Klima og miljø vektes 30 %, som oppfyller kravet om minst 30 %').waitFor();
      await page.getByRole('button', { name: 'Lagre utkast' }).click();

      await page.getByRole('heading', { level: 1, name: 'Elbiler til vei og park' }).waitFor();
      await page.getByText('Nullutslipp for personbiler (kravspesifikasjon; dokumentgjennomgang)').waitFor();
      await page.getByRole('button', { name: 'Kunngjør konkurransen' }).click();
      await page.getByText('Kunngjort', { exact: true }).waitFor();
      for (const [label, supplier, price, env, quality] of [
        ['A', 'Billig Bil AS', '2000000', '2', '7'],
        ['B', 'Grønn Bil AS', '2200000', '9', '8'],
      ]) {
        await page.getByLabel('Kortnavn (A, B …)').fill(label!);
        await page.getByLabel('Leverandør', { exact: true }).fill(supplier!);
        await page.getByLabel('Pris i kroner ekskl. mva.').fill(price!);
        await page.getByLabel('Poeng for Lavt energiforbruk per km (0–10)').fill(env!);
        await page.getByLabel('Poeng for Kvalitet (0–10)').fill(quality!);
        await page.getByRole('button', { name: 'Lagre tilbud' }).click();
        await page.getByRole('rowheader', { name: new RegExp(`^${label} – ${supplier}`) }).waitFor();
      }
      const table = page.getByRole('table', { name: 'Rangering med poeng per kriterium' });
      await table.getByRole('rowheader', { name: 'B – Grønn Bil AS (vinner)' }).waitFor();
      await page.getByText('poeng = maks × (1 − helning × (P − Pmin) / Pmin)').waitFor();
      await page.getByText(/Vinneren B står seg for en miljøvekt fra/).waitFor();
      expect(await page.getByRole('link', { name: 'Last ned evalueringsrapport (PDF)' }).getAttribute('href')).toMatch(/\/api\/procurement\/tenders\/.+\/report\.pdf$/);
      await check(page, 'evaluation');
    },
    LONG,
  );

  it(
    "shows the demo's rank reversal and the follow-up of what suppliers still owe",
    async () => {
      const page = await signIn(browser, server, OFFICER, '/procurement');
      await page.getByRole('link', { name: 'Møbler til nye Hvalstad skole' }).click();
      await page.getByRole('heading', { level: 1, name: 'Møbler til nye Hvalstad skole' }).waitFor();
      await page.getByText('Rangeringen kan snu:').waitFor();
      await page.getByText(/Rangeringen snur hvis tilbud A tas ut: da vinner C i stedet for B/).waitFor();
      await check(page, 'rank-reversal');

      await page.goto(`${server.url}/procurement/follow-up`);
      await page.getByRole('heading', { level: 1, name: 'Oppfølging av miljøkrav' }).waitFor();
      const kitchen = page.getByRole('table', { name: /Oppfølging for Sentralkjøkken Bråset: [1-9]\d* forfalt/ });
      await kitchen.waitFor();
      expect(await kitchen.getByText('! Forfalt').count()).toBeGreaterThan(0);
      await check(page, 'follow-up');
      // Record a check: the item leaves the overdue count.
      const before = await kitchen.getByText('! Forfalt').count();
      await kitchen.getByRole('button', { name: /Registrer kontroll av/ }).first().click();
      await page.getByLabel('Kontrollert dato').fill('2026-05-20');
      await page.getByRole('button', { name: 'Lagre kontroll' }).click();
      await expect.poll(async () => page.getByRole('table', { name: /Oppfølging for Sentralkjøkken Bråset/ }).getByText('! Forfalt').count(), { timeout: 15_000 }).toBe(before - 1);

      // The library: an editor changes a criterion's text for the whole municipality.
      await page.goto(`${server.url}/procurement/library`);
      await page.getByRole('heading', { level: 1, name: 'Kriteriebiblioteket' }).waitFor();
      await page.getByLabel('Produktgruppe').selectOption({ label: 'Mat og servering' });
      const food = page.getByRole('table', { name: 'Kriterier for Mat og servering' });
      await food.getByRole('rowheader', { name: /Andel økologisk mat/ }).waitFor();
      await check(page, 'library');
      await food.getByRole('button', { name: 'Endre Andel økologisk mat' }).click();
      await page.getByLabel('Krav eller kriterium').fill('Tilbud vurderes etter andel økologisk og lokal mat.');
      await page.getByRole('button', { name: 'Lagre kriteriet' }).click();
      await food.getByText('Tilbud vurderes etter andel økologisk og lokal mat.').waitFor();
    },
    LONG,
  );
});
