// Certification end to end (program points A1 and B1): an adviser sees the register and the map,
// a unit manager delivers the annual report, a business user registers a certificate with evidence
// and an editor verifies it. axe (WCAG 2.1 AA) on every page visited; screenshots in /tmp/shots/cert-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';

const ADVISER = 'per-olav.strandmo@asker.example'; // editor: certification
const MANAGER = 'eirik.hovdenak@asker.example'; // Bleikerfaret barnehage
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example'; // Holmsbu Fjordhotell AS
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('certification in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const visited: string[] = [];

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
    await settleAndCheck(page, `cert-${name}`);
    visited.push(name);
  }

  it('shows the adviser the dashboard, the register, the map, a unit, reminders, training and outreach', async () => {
    const page = await signIn(browser, server, ADVISER, '/certification');
    await page.getByRole('heading', { level: 1, name: 'Miljøsertifisering' }).waitFor();
    await page.getByText('av enhetene er sertifisert').waitFor();
    // Importing reports from a spreadsheet: a bad line writes nothing and is named; a good file is imported.
    await page.getByLabel('Regneark (CSV eller XLSX)').setInputFiles({ name: 'rapporter.csv', mimeType: 'text/csv', buffer: Buffer.from('enhet;år;strom_kwh\r\neiendom;2026;-4\r\n') });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByRole('row', { name: '2 strom_kwh Strøm kan ikke være negativ (−4 kWh)' }).waitFor();
    await check(page, '01-overview');
    await page.getByLabel('Regneark (CSV eller XLSX)').setInputFiles({ name: 'rapporter.csv', mimeType: 'text/csv', buffer: Buffer.from('enhet;år;strom_kwh\r\neiendom;2026;4000\r\n') });
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('rapporter.csv: 1 rapporter, 1 nye, 0 endret, 0 uendret.').waitFor();

    // The register: filter by status, sort by valid-until, page, export.
    await page.getByRole('navigation', { name: 'Miljøsertifisering' }).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sertifiseringsregister' }).waitFor();
    await page.getByRole('status').filter({ hasText: /128 enheter/ }).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('expiring');
    await page.getByRole('status').filter({ hasText: /^3 enheter/ }).waitFor();
    await page.getByRole('button', { name: /^Gyldig til/ }).click();
    await page.waitForURL(/sort=validUntil/);
    const firstRow = page.locator('tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain('Risenga ungdomsskole');
    expect(await page.getByRole('link', { name: 'Last ned Excel (XLSX)' }).getAttribute('href')).toContain('/api/certification/register/export?status=expiring&sort=validUntil&format=xlsx');
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), await page.getByRole('link', { name: 'Last ned CSV' }).getAttribute('href'));
    expect(csv.split('\r\n')[1]).toMatch(/^Risenga ungdomsskole;/);
    await check(page, '02-register');

    // The map: the boundary with every unit, a legend with shapes and counts.
    await page.getByRole('navigation', { name: 'Miljøsertifisering' }).getByRole('link', { name: 'Kart' }).click();
    const map = page.getByRole('img', { name: /Kart over kommunen/ });
    await map.waitFor();
    expect(await map.locator('.cert-shape').count()).toBe(128);
    await page.getByRole('heading', { name: 'Tegnforklaring' }).waitFor();
    await check(page, '03-map');

    // A unit covered by the kindergartens' head-office certificate.
    await page.goto(`${server.url}/certification/register?q=bleikerfaret`);
    await page.getByRole('link', { name: 'Bleikerfaret barnehage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bleikerfaret barnehage' }).waitFor();
    await page.getByText('Dekket av sertifikatet til').waitFor();
    await page.getByText('Årsrapporten for 2025 skulle vært levert').waitFor();
    await check(page, '04-unit');

    for (const [link, heading, name] of [
      ['Påminnelser', 'Påminnelser', '05-reminders'],
      ['Opplæring', 'Miljøopplæring', '06-training'],
      ['Næringsliv uten sertifikat', 'Virksomheter uten miljøsertifikat', '07-outreach'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Miljøsertifisering' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await check(page, name);
    }
    // The outreach list filters by SN2007 prefix: hotels.
    await page.getByLabel('Næringskode (SN2007)').fill('55');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('status').filter({ hasText: /^3 virksomheter$/ }).waitFor();
    await page.getByRole('link', { name: 'Holmsbu Fjordhotell AS' }).waitFor();
    // The same pages in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Environmental certification' }).getByRole('link', { name: 'Map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certification map' }).waitFor();
    await page.getByRole('img', { name: /Map of the municipality/ }).waitFor();
    await check(page, '13-map-en');
    await page.getByRole('navigation', { name: 'Environmental certification' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByText('of the units are certified').waitFor();
    await check(page, '14-overview-en');
    await page.context().close();
  });

  it('lets a unit manager deliver the annual report, with clear messages for bad values', async () => {
    const page = await signIn(browser, server, MANAGER, '/certification/register?q=bleikerfaret');
    await page.getByRole('link', { name: 'Bleikerfaret barnehage' }).click();
    await page.getByRole('link', { name: 'Fyll ut årsrapport for 2025' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årsrapport 2025: Bleikerfaret barnehage' }).waitFor();
    await page.getByLabel('Strøm (kWh)').fill('-500');
    await page.getByLabel('Oppvarmet areal (m²)').fill('784');
    await page.getByLabel('Sorteringsgrad (oppgitt) (%)').fill('120');
    await page.getByLabel('Restavfall (kg)').fill('520');
    await page.getByLabel('Matavfall (kg)').fill('310,5');
    await page.getByLabel('Andel innkjøp med miljømerke (%)').fill('58');
    await page.getByRole('button', { name: 'Lever årsrapporten' }).click();
    await page.getByRole('link', { name: 'Strøm kan ikke være negativ (−500 kWh)' }).waitFor();
    await page.getByRole('link', { name: 'Sorteringsgrad (oppgitt) kan ikke være over 100 % (120 %)' }).waitFor();
    await check(page, '08-report-errors');
    await page.getByLabel('Strøm (kWh)').fill('98 400');
    await page.getByLabel('Sorteringsgrad (oppgitt) (%)').fill('');
    await page.getByRole('button', { name: 'Legg til egen indikator' }).click();
    await page.getByLabel('Navn på indikator 1').fill('Kjøttfrie dager per uke');
    await page.getByLabel('Verdi 1').fill('2');
    await page.getByLabel('Enhet 1').fill('dager');
    await page.getByRole('button', { name: 'Lever årsrapporten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bleikerfaret barnehage' }).waitFor();
    const row = page.getByRole('table', { name: /Årsrapporter/ }).getByRole('row').filter({ has: page.getByRole('cell', { name: '2025', exact: true }) });
    await expect.poll(() => row.textContent()).toMatch(/Levert/);
    await expect.poll(() => page.getByText('Årsrapporten for 2025 skulle vært levert').count()).toBe(0);
    await check(page, '09-unit-after-report');
    // Another unit's report is not theirs.
    await page.goto(`${server.url}/certification/register?q=hvalstad%20skole`);
    await page.getByRole('link', { name: 'Hvalstad skole', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hvalstad skole' }).waitFor();
    expect(await page.getByRole('link', { name: /Fyll ut årsrapport/ }).count()).toBe(0);
    await page.context().close();
  });

  it('lets a business user register a certificate with evidence, and an editor verify it', async () => {
    const page = await signIn(browser, server, BUSINESS, '/certification');
    await page.getByRole('heading', { level: 1, name: 'Mine sertifikater' }).waitFor();
    await page.getByRole('button', { name: 'Registrer nytt sertifikat' }).click();
    await page.getByLabel('Ordning').selectOption('miljofyrtarn');
    await page.getByLabel('Sertifikatnummer').fill('MFT-61234');
    await page.getByLabel('Utstedt av').fill('Certnor AS');
    await page.getByLabel('Utstedt', { exact: true }).fill('2026-11-02');
    await page.getByLabel('Gyldig til').fill('2026-10-01');
    // A wrong file type is refused before anything is sent.
    await page.getByLabel('Dokumentasjon').setInputFiles({ name: 'sertifikat.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') });
    await page.getByRole('button', { name: 'Send til kontroll' }).click();
    await page.getByRole('link', { name: 'sertifikat.docx er ikke PDF, PNG eller JPEG' }).waitFor();
    await page.getByLabel('Dokumentasjon').setInputFiles({ name: 'miljofyrtarn.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Send til kontroll' }).click();
    // The server refuses valid-until before the issue date, naming the field.
    await page.getByRole('link', { name: 'Gyldig til (2026-10-01) må være etter utstedt dato (2026-11-02)' }).waitFor();
    await check(page, '10-business-errors');
    await page.getByLabel('Gyldig til').fill('2029-11-02');
    await page.getByRole('button', { name: 'Send til kontroll' }).click();
    await page.getByText('Takk! Sertifikatet er sendt til kommunen for kontroll.').waitFor();
    await page.getByRole('heading', { name: 'Miljøfyrtårn – MFT-61234' }).waitFor();
    await page.getByText('Venter på kontroll').first().waitFor();
    await page.getByRole('link', { name: 'miljofyrtarn.pdf' }).waitFor();
    await check(page, '11-business');
    await page.context().close();

    const editor = await signIn(browser, server, ADVISER, '/certification/verification');
    await editor.getByRole('heading', { level: 1, name: 'Kontroll av sertifikater' }).waitFor();
    await editor.getByRole('heading', { level: 2, name: /Holmsbu Fjordhotell AS/ }).waitFor();
    await check(editor, '12-verification');
    await editor.getByRole('button', { name: 'Godkjenn sertifikatet til Holmsbu Fjordhotell AS' }).click();
    await editor.getByText('Sertifikatet til Holmsbu Fjordhotell AS er godkjent.').waitFor();
    await editor.context().close();

    const again = await signIn(browser, server, BUSINESS, '/certification');
    await again.getByRole('heading', { name: 'Miljøfyrtårn – MFT-61234' }).waitFor();
    await again.getByText('Kontrollert').first().waitFor();
    await again.getByText('Sertifisert', { exact: true }).first().waitFor();
    await again.context().close();
  });

  it('lets an admin add a scheme and an adviser change and withdraw a certificate', async () => {
    const admin = await signIn(browser, server, 'admin@asker.example', '/certification/schemes');
    await admin.getByRole('heading', { level: 1, name: 'Sertifiseringsordninger' }).waitFor();
    await admin.getByRole('table', { name: 'Ordninger og regler' }).getByText('Miljøfyrtårn').first().waitFor();
    await admin.getByLabel(/^Nøkkel/).fill('Grønn Nøkkel');
    await admin.getByLabel(/^Navn på norsk/).fill('Grønn nøkkel');
    await admin.getByLabel(/^Navn på engelsk/).fill('Green Key');
    await admin.getByRole('button', { name: 'Legg til ordningen' }).click();
    await admin.getByRole('link', { name: 'Nøkkelen må ha 2–40 tegn: små bokstaver a–z, sifre og bindestrek' }).waitFor();
    await check(admin, '15-schemes-error');
    await admin.getByLabel(/^Nøkkel/).fill('green-key');
    await admin.getByRole('button', { name: 'Legg til ordningen' }).click();
    await admin.getByText('«Grønn nøkkel» er lagt til.').waitFor();
    await admin.getByRole('rowheader', { name: /Grønn nøkkel/ }).waitFor();
    await admin.context().close();

    const page = await signIn(browser, server, ADVISER, '/certification');
    const certs = (await (await page.request.get(`${server.url}/api/certification/certificates?holder=unit&verification=verified`)).json()) as { id: string; holder: { id: string; name: string }; issuedOn: string | null; withdrawnOn: string | null; validUntil: string | null }[];
    const today = new Date().toISOString().slice(0, 10);
    const cert = certs.find((c) => c.issuedOn && c.issuedOn <= today && !c.withdrawnOn && (c.validUntil ?? '') > today)!;
    await page.goto(`${server.url}/certification/units/${cert.holder.id}`);
    await page.getByRole('heading', { level: 1, name: cert.holder.name }).waitFor();
    await page.getByRole('link', { name: /^Endre / }).first().click();
    await page.getByRole('heading', { level: 1, name: `Endre sertifikat: ${cert.holder.name}` }).waitFor();
    await check(page, '16-certificate-edit');
    await page.getByLabel('Trukket tilbake').fill(today);
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('heading', { level: 1, name: cert.holder.name }).waitFor();
    await page.getByText(/^Trukket tilbake /).first().waitFor();
    const after = (await (await page.request.get(`${server.url}/api/certification/certificates/${cert.id}`)).json()) as { withdrawnOn: string | null };
    expect(after.withdrawnOn).toBe(today);
    await page.context().close();
  });

  it('ran axe on every page it visited', () => {
    expect(visited).toEqual(['01-overview', '02-register', '03-map', '04-unit', '05-reminders', '06-training', '07-outreach', '13-map-en', '14-overview-en', '08-report-errors', '09-unit-after-report', '10-business-errors', '11-business', '12-verification', '15-schemes-error', '16-certificate-edit']);
  });
});
