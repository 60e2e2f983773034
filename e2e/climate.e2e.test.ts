// Climate account end to end (program points A2, C1): a finance adviser drops last year's ledger
// export (semicolons, decimal commas, æøå, Windows-1252) into the browser, sees its progress, is
// told exactly which three lines are wrong, fixes them, imports, and reads where the purchase
// emissions come from — by unit, supplier and art, with sources. axe on every state; screenshots
// in /tmp/shots/climate-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, signIn, SHOTS, startTestServer, type TestServer } from './harness.js';

const ADVISER = 'leila.haugmo@asker.example'; // editor: climate
const LONG = 180_000; // the machine is shared and loaded

const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 })[c] ?? c.charCodeAt(0)));
const HEADER = 'Bilagsdato;Ansvar;Art;Funksjon;Leverandør_orgnr;Leverandør;Beløp;Tekst';
const good = [
  '02.01.2023;1000;115;202;974760673;Kjøkkengrossisten Bærum AS;"12 500,00";Matvarer',
  '15.02.2023;1010;230;222;;Ås Bygg og Anlegg AS;"250 000,00";Tak på Østre skole',
  '20.03.2023;1020;180;253;;Asker Kraft;"40 000,50";Strøm',
  '21.03.2023;1020;120;253;;Kontorrekvisita AS;-199,90;Kreditnota',
];
const BAD = [HEADER, ...good, '31.04.2023;1000;115;202;;;100,00;Dato finnes ikke', '01.05.2023;1000;117;202;;;100,00;Ukjent art', '02.05.2023;1000;115;202;;;tolv;Beløp er ikke et tall'].join('\r\n') + '\r\n';
const FIXED = [HEADER, ...good, '30.04.2023;1000;115;202;;;100,00;Dato rettet', '01.05.2023;1000;115;202;;;100,00;Art rettet', '02.05.2023;1000;115;202;;;12,00;Beløp rettet'].join('\r\n') + '\r\n';

describe('climate account in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-climate-e2e-'));
    server = await startTestServer();
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // The climate pages load large results: allow the loading indicator longer than the default.
  const check = (page: Page, name: string) => settleAndCheck(page, `climate-${name}`, 20_000);

  it(
    'a finance adviser imports a ledger, fixes the three bad lines it names, and reads the results with sources',
    async () => {
      const page = await signIn(browser, server, ADVISER, '/climate');
      await page.getByRole('heading', { level: 1, name: 'Klimaregnskap' }).waitFor();
      // The demo ledger (2024–2025) is there: the newest year, by unit, with the sources note.
      await page.getByRole('table', { name: /Utslipp 2025 etter enhet/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Kilder og usikkerhet' }).waitFor();
      await page.getByText(/EXIOBASE 3\.4/).first().waitFor();
      await check(page, 'results');

      // The bad file: nothing saved, the three lines named.
      const bad = path.join(dir, 'hovedbok-2023.csv');
      fs.writeFileSync(bad, cp1252(BAD));
      await page.getByLabel('Regnskapsfil').setInputFiles(bad);
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.getByText('Ingenting er lagret. Rett linjene under og prøv igjen.').waitFor();
      const errors = page.getByRole('table', { name: /Linjer med feil \(3\)/ });
      await errors.waitFor();
      const rows = await errors.locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t')[0])).toEqual(['6', '7', '8']);
      expect(rows.join('\n')).toContain('«31.04.2023» er ikke en gyldig dato');
      expect(rows.join('\n')).toContain('Art «117» finnes ikke');
      expect(rows.join('\n')).toContain('«tolv» er ikke et beløp');
      await check(page, 'bad-lines');

      // Fixed: imported; 2023 appears among the years, by supplier it shows the grocer with æøå intact.
      const fixed = path.join(dir, 'hovedbok-2023-rettet.csv');
      fs.writeFileSync(fixed, cp1252(FIXED));
      await page.getByLabel('Regnskapsfil').setInputFiles(fixed);
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.getByText(/7 kjøp importert fra 7 linjer/).waitFor();
      await page.getByRole('combobox', { name: 'År' }).selectOption('2023');
      await page.getByLabel('Fordel etter').selectOption('supplier');
      const table = page.getByRole('table', { name: /Utslipp 2023 etter leverandør/ });
      await table.waitFor();
      await table.getByText('Kjøkkengrossisten Bærum AS').waitFor();
      await table.getByText('Ås Bygg og Anlegg AS').waitFor();
      await page.getByLabel('Fordel etter').selectOption('art');
      await page.getByRole('table', { name: /Utslipp 2023 etter art/ }).getByText('230 (construction)').waitFor();
      // The same file again changes nothing.
      await page.getByLabel('Regnskapsfil').setInputFiles(fixed);
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.getByText('Denne filen er importert før. Ingenting er endret.').waitFor();
      await page.getByRole('combobox', { name: 'År' }).selectOption('2025');
      await page.getByLabel('Fordel etter').selectOption('unit');
      await page.getByRole('table', { name: /Utslipp 2025 etter enhet/ }).waitFor();
      await check(page, 'after-import');

      // The data basis: the share of spend and of emissions computed from each kind of data.
      await page.getByRole('table', { name: /Datagrunnlag 2025/ }).getByRole('rowheader', { name: 'Fysisk energibruk (kWh)' }).waitFor();

      // A supplier-specific factor: a bad one is refused with the fields named, a good one listed.
      const form = page.getByRole('region', { name: 'Leverandørenes egne faktorer' });
      await form.getByLabel('Organisasjonsnummer').fill('12345');
      await form.getByLabel('Kg CO₂e per krone').fill('-1');
      await form.getByRole('button', { name: 'Lagre leverandørfaktor' }).click();
      await form.getByText('Organisasjonsnummeret må ha 9 siffer').waitFor();
      await form.getByText('Oppgi kilden (f.eks. leverandørens klimaregnskap 2024)').waitFor();
      await check(page, 'supplier-factor-errors');
      await form.getByLabel('Organisasjonsnummer').fill('974 760 673');
      await form.getByLabel('År', { exact: true }).fill('2023');
      await form.getByLabel('Kg CO₂e per krone').fill('0,05');
      await form.getByLabel('Kilde', { exact: true }).fill('Kjøkkengrossistens klimaregnskap 2023');
      await form.getByRole('button', { name: 'Lagre leverandørfaktor' }).click();
      await form.getByText('Leverandørfaktoren er lagret og brukes i resultatene.').waitFor();
      await form.getByRole('table', { name: 'Leverandørfaktorer i bruk' }).getByText('Kjøkkengrossistens klimaregnskap 2023').waitFor();

      // A flagged factor: a decision without a reason is refused; with one it is recorded.
      const decisions = page.getByRole('region', { name: 'Flaggede faktorer' });
      const first = decisions.locator('form').first();
      await first.getByText('Ikke avgjort: faktoren brukes ikke.').waitFor();
      await first.getByRole('button', { name: 'Lagre beslutning' }).click();
      await first.getByText('Skriv hvorfor faktoren bekreftes eller erstattes').waitFor();
      await first.getByLabel(/Erstatt med et annet tall/).check();
      await first.getByLabel(/Ny faktor/).fill('0,9');
      await first.getByLabel('Begrunnelse').fill('Ferjeselskapets eget klimaregnskap');
      await first.getByRole('button', { name: 'Lagre beslutning' }).click();
      await first.getByText('Beslutningen er lagret.').waitFor();
      await check(page, 'forms');
      await page.context().close();
    },
    LONG,
  );
});
