// Industry structure end to end (the oil-and-gas context of program part B): an economy editor sees
// jobs per class per year, the table by industry code with its rules and caveats, the map, and the
// establishments; a bad import file is refused line by line; a new rule version is saved; a business
// user is refused. axe on every page; screenshots in /tmp/shots/econ-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const EDITOR = 'tonje.brekkestad@asker.example'; // editor: program, organisations, economy
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe('industry structure in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function check(page: Page, name: string) {
    await settleAndCheck(page, `econ-${name}`);
  }

  it('shows the trend, the table by industry code with caveats, the map and the establishments; refuses a bad file by line', async () => {
    const page = await signIn(browser, server, EDITOR, '/economy');
    await page.getByRole('heading', { level: 1, name: 'Grønne arbeidsplasser og næringsstruktur' }).waitFor();
    await page.getByRole('table', { name: 'Arbeidsplasser per klasse og år' }).getByRole('rowheader', { name: '2019' }).waitFor();
    await page.getByTestId('econ-chart').locator('svg').waitFor();
    await page.getByText(/olje- og gassrelaterte arbeidsplasser \(/).waitFor();
    await page.getByRole('heading', { name: 'Forbehold' }).waitFor();
    await page.getByText(/Næringskode 71\.12 \(25 % Olje og gass\)/).waitFor();
    const codes = page.getByRole('table', { name: /Arbeidsplasser etter næringskode/ });
    await page.getByRole('button', { name: /Vis alle \d+ næringskodene/ }).click();
    await codes.getByRole('row', { name: /71\.129 .*oil-71\.12.*delvis: 25 %/ }).waitFor();
    await page.getByRole('img', { name: /Virksomheter i kommunen per 31\.12\.2025/ }).waitFor();
    expect(await page.locator('.econ-map circle').count()).toBeGreaterThan(100);
    await page.getByText(/har ingen posisjon og vises ikke på kartet/).waitFor();
    await check(page, 'overview');

    // The list: filter to green and search.
    await page.getByLabel('Klasse', { exact: true }).selectOption({ label: 'Grønne' });
    await page.getByLabel('Søk på navn, organisasjonsnummer eller næringskode').fill('TOMRA');
    await page.getByRole('row', { name: /TOMRA Systems ASA .*green-certified/ }).waitFor();

    // An earlier snapshot: TOMRA was not certified then.
    const snapshot = page.getByLabel('Øyeblikksbilde', { exact: true });
    await snapshot.selectOption((await snapshot.locator('option', { hasText: '31.12.2021' }).getAttribute('value'))!);
    await page.getByRole('table', { name: /Arbeidsplasser etter næringskode \(SN2007\) per 31\.12\.2021/ }).waitFor();

    // A bad file: every bad line named, nothing imported.
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'feil.csv', mimeType: 'text/csv', buffer: Buffer.from('orgnr;navn;naeringskode;ansatte;dato\r\n941371876;Cambi ASA;7112;mange;2024-12-31\r\n') });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Filen ble ikke importert').waitFor();
    await page.getByText('«7112» er ikke en SN2007-kode (f.eks. 71.129)').waitFor();
    await page.getByText('«mange» er ikke et helt tall på 0 eller mer').waitFor();
    await check(page, 'import-errors');
    await page.context().close();
  });

  it('shows the rules with rationale, caveats and sources, and saves a new version from today', async () => {
    const page = await signIn(browser, server, EDITOR, '/economy/rules');
    await page.getByRole('heading', { level: 1, name: 'Regelsett for klassifisering' }).waitFor();
    await page.getByRole('table', { name: /regler/ }).first().getByRole('rowheader', { name: /Næringskode 06 oil-06/ }).waitFor();
    await page.getByRole('heading', { name: 'Kilder' }).waitFor();
    await check(page, 'rules');
    await page.getByLabel('Andel i prosent for oil-71.12').fill('40');
    await page.getByLabel('Merknad (hvorfor)').fill('Flere oppdrag for sokkelen');
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await page.getByText(/Ny versjon lagret; den gjelder fra/).waitFor();
    await page.getByLabel('Versjon').locator('option', { hasText: 'gjelder nå' }).first().waitFor({ state: 'attached' });
    await check(page, 'rules-saved');
    await page.context().close();
  });

  it('refuses a business user', async () => {
    const page = await signIn(browser, server, BUSINESS, '/economy');
    await page.getByRole('heading', { level: 1, name: 'Grønne arbeidsplasser og næringsstruktur' }).waitFor();
    const res = await page.request.get(`${server.url}/api/economy/overview`);
    expect(res.status()).toBe(403);
    await page.getByText('Du har ikke tilgang til dette').first().waitFor();
    await check(page, 'business');
    await page.context().close();
  });
});
