// Grant rounds end to end (program points A4 and B6): a business applies in the browser (a too
// short description refused in Norwegian), an enterprise editor reads the ranking of a decided
// round, scores the new application, and is stopped when the weights of a new call do not sum
// to 100 %. axe on every page; screenshots in /tmp/shots/enterprise-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const EDITOR = 'jonas.fjellvik@asker.example'; // editor: enterprise
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';

describe('grant rounds in the browser', () => {
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
    await settleAndCheck(page, `enterprise-${name}`);
  }

  it('lets a business apply to an open call', async () => {
    const page = await signIn(browser, server, BUSINESS, '/enterprise');
    await page.getByRole('heading', { level: 1, name: 'Tilskudd til grønne og sosiale gründere' }).waitFor();
    await page.getByRole('link', { name: 'Tilskudd til grønne og sosiale gründere 2027' }).click();
    await page.getByRole('heading', { level: 2, name: 'Søk om tilskudd' }).waitFor();
    await page.getByLabel('Prosjektets navn').fill('Matsvinnfri frokost');
    await page.getByLabel('Hva skal dere gjøre, og hva gir det?').fill('For kort');
    await page.getByLabel('Beløp dere søker om (kr)').fill('75 000');
    await page.getByRole('button', { name: 'Send søknaden' }).click();
    await page.getByText('Beskriv prosjektet med minst 20 tegn').waitFor();
    await page.getByLabel('Hva skal dere gjøre, og hva gir det?').fill('Vi veier frokostsvinnet og gir overskuddet til matsentralen hver dag.');
    await page.getByRole('button', { name: 'Send søknaden' }).click();
    await page.getByText('Søknaden «Matsvinnfri frokost» er sendt. Dere får svar etter søknadsfristen.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Matsvinnfri frokost' }).waitFor();
    await check(page, 'apply');
    await page.context().close();
  });

  it('shows the editor the ranking, takes a review, and refuses weights that do not sum to 100 %', async () => {
    const page = await signIn(browser, server, EDITOR, '/enterprise');
    await page.getByRole('link', { name: 'Tilskudd til grønne og sosiale gründere 2026' }).click();
    await page.getByRole('heading', { level: 2, name: 'Rangering' }).waitFor();
    await expect.poll(async () => (await page.locator('table').nth(1).locator('tbody tr').first().innerText()).replace(/\s+/g, ' ')).toContain('Møbler av returtre fra byggeplasser');
    await page.getByText(/for få vurderinger/).first().waitFor();
    await check(page, 'ranking');

    await page.getByRole('link', { name: 'Tilbake til utlysningene' }).click();
    await page.getByRole('link', { name: 'Tilskudd til grønne og sosiale gründere 2027' }).click();
    await page.getByRole('button', { name: 'Behandle: Klesbytte i alle ungdomsskoler' }).click();
    for (const [name, score] of [['Klima- og miljøeffekt (0–6)', '5'], ['Arbeid og inkludering (0–6)', '4'], ['Gjennomførbarhet (0–6)', '6']] as const) await page.getByLabel(name).selectOption(score);
    await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await page.getByText('Vurderingen er lagret.').waitFor();
    // 40·5/6 + 30·4/6 + 30·6/6 = 83.3
    await page.getByRole('row', { name: /Klesbytte i alle ungdomsskoler.*83,3/ }).waitFor();

    await page.getByRole('link', { name: 'Tilbake til utlysningene' }).click();
    await page.getByText('Lag en ny utlysning').click();
    await page.getByLabel('Tittel').fill('Reparasjonsstøtte 2027');
    await page.getByLabel('Ramme (kr)').fill('200000');
    await page.getByLabel('Vekt 1 (%)').fill('30');
    await page.getByText('Vektene summerer til 90 % (må være 100 %).').waitFor();
    await page.getByRole('button', { name: 'Opprett utlysningen' }).click();
    await page.getByText('Vektene summerer til 90 %; de må summere til 100 %').waitFor();
    await check(page, 'call-form');
    await page.getByLabel('Vekt 1 (%)').fill('40');
    await page.getByRole('button', { name: 'Opprett utlysningen' }).click();
    await page.getByText('Utlysningen «Reparasjonsstøtte 2027» er opprettet.').waitFor();
    await page.context().close();
  });

  it('keeps the register of social enterprises and green start-ups: a wrong org. number refused, a venture added, a contract with an end before its start refused', async () => {
    const page = await signIn(browser, server, EDITOR, '/enterprise/register');
    await page.getByRole('heading', { level: 1, name: 'Sosiale entreprenører og grønne gründere' }).waitFor();
    await page.getByRole('table', { name: /Kontrakter per 31. desember/ }).waitFor();
    await page.getByRole('link', { name: 'Snekkerverkstedet Retur AS' }).waitFor();
    await check(page, 'register');
    await page.getByText('Legg til en virksomhet').click();
    await page.getByLabel('Navn', { exact: true }).fill('Lappeverkstedet Heggedal');
    await page.getByLabel('Organisasjonsnummer').fill('123456789');
    await page.getByLabel('Art', { exact: true }).selectOption('green');
    await page.getByLabel('Hva virksomheten gjør').fill('Reparerer telt, soveposer og turutstyr');
    await page.getByLabel('Virkeområde').fill('Reparasjon');
    await page.getByLabel('12 Ansvarlig forbruk og produksjon').check();
    await page.getByRole('button', { name: 'Legg til i registeret' }).click();
    await page.getByText('Organisasjonsnummeret 123456789 har feil kontrollsiffer').waitFor();
    await page.getByLabel('Organisasjonsnummer').fill('');
    await page.getByRole('button', { name: 'Legg til i registeret' }).click();
    await page.getByText('«Lappeverkstedet Heggedal» er lagt til i registeret.').waitFor();

    await page.getByRole('link', { name: 'Snekkerverkstedet Retur AS' }).click();
    await page.getByRole('heading', { level: 1, name: 'Snekkerverkstedet Retur AS' }).waitFor();
    await page.getByRole('cell', { name: 'Tilskudd', exact: true }).waitFor();
    await page.getByText('Registrer et samarbeid').click();
    await page.getByLabel('Samarbeidsform').selectOption('pilot');
    await page.getByLabel('Tittel').fill('Ombruk av pulter');
    await page.getByLabel('Startdato').fill('2026-05-01');
    await page.getByLabel('Sluttdato').fill('2026-04-01');
    await page.getByRole('button', { name: 'Lagre samarbeidet' }).click();
    await page.getByText('Sluttdatoen er før startdatoen').waitFor();
    await check(page, 'venture');
    await page.context().close();
  });

  it('registers youth companies and refuses one without a school', async () => {
    const page = await signIn(browser, server, EDITOR, '/enterprise/youth');
    await page.getByRole('heading', { level: 1, name: 'Elev- og ungdomsbedrifter' }).waitFor();
    await page.getByRole('row', { name: /^2025 25/ }).waitFor();
    await page.getByText('Registrer en elev- eller ungdomsbedrift').click();
    await page.getByLabel('Bedriftens navn').fill('Tarechips UB');
    await page.getByLabel('Forretningsidé').fill('Chips av sukkertare fra fjorden');
    await page.getByLabel('Deltakere').fill('5');
    await page.getByLabel('Kommunens støtte').fill('Veiledning og messeplass');
    await page.getByRole('button', { name: 'Registrer bedriften' }).click();
    await page.getByText('Velg skolen, eller skriv navnet på den').waitFor();
    await page.getByLabel('Skole', { exact: true }).selectOption({ label: 'Sætre ungdomsskole' });
    await page.getByRole('button', { name: 'Registrer bedriften' }).click();
    await page.getByText(/«Tarechips UB» \(\d{4}\) er registrert\./).waitFor();
    await check(page, 'youth');
    await page.context().close();
  });

  it('runs the cluster: suggestions by industry code, a project needs two members', async () => {
    const page = await signIn(browser, server, EDITOR, '/enterprise/cluster');
    await page.getByRole('heading', { level: 1, name: 'Grønn næringsklynge' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bedrifter som kan passe inn' }).waitFor();
    await page.getByRole('row', { name: /Bruktbua Nesbru AS/ }).first().waitFor();
    await page.getByText('Registrer et samarbeidsprosjekt').click();
    await page.getByLabel('Prosjektets navn').fill('Felles lager');
    await page.getByLabel('Hva prosjektet skal gjøre').fill('Et felles lager for brukte materialer');
    await page.getByLabel('Tema', { exact: true }).last().selectOption('circular_economy');
    await page.getByRole('group', { name: 'Medlemmer som er med (minst to)' }).getByLabel('TOMRA Systems ASA').check();
    await page.getByRole('button', { name: 'Lagre prosjektet' }).click();
    await page.getByText('Et samarbeidsprosjekt har minst to medlemmer').waitFor();
    await check(page, 'cluster');
    await page.context().close();
  });

  it('shows the public cluster page without login, and nothing internal', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/cluster`);
    await page.getByRole('heading', { level: 1, name: 'Grønn næringsklynge' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Miljøteknologi' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'TOMRA Systems ASA' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Ansatte');
    expect(text).not.toContain('Bruktbua');
    expect(text).not.toContain('Stiftelsesmøte');
    await check(page, 'public-cluster');
    await context.close();
  });
});
