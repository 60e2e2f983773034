// The web shell end to end: a real browser against a built server with the demo data.
// Start page, login, organisations (search, create, edit), the audit log showing both
// changes, units and users; English and Norwegian; axe (WCAG 2.1 AA) on every page visited.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, DEMO_ADMIN as ADMIN, launchBrowser, startTestServer, type TestServer } from './harness.js';

const SHOTS = '/tmp/shots';

/** A valid Norwegian organisation number (MOD11 with weights 3,2,7,6,5,4,3,2) that the demo data does not use. */
function validOrgNumber(seed: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let n = seed; ; n++) {
    const first8 = String(n).padStart(8, '0');
    const sum = [...first8].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${first8}${check === 11 ? 0 : check}`;
  }
}
const spaced = (nr: string) => `${nr.slice(0, 3)} ${nr.slice(3, 6)} ${nr.slice(6)}`;

describe('web foundation', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const visited: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const h1 = () => page.getByRole('heading', { level: 1 });

  /** Waits for the page to settle, then takes a screenshot and runs axe. */
  async function check(name: string) {
    await h1().first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('[role="status"] svg').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    await checkA11y(page, name);
    visited.push(name);
  }

  /** After a client-side navigation, focus is on the new page's heading. */
  async function expectFocusOnHeading() {
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: 5_000 }).toBe('H1');
  }

  it('walks through the shell in both languages with no WCAG 2.1 AA violations', async () => {
    const orgNumber = validOrgNumber(92_345_678);
    const name1 = 'Testbutikken Omstilling AS';
    const name2 = 'Testbutikken Omstilling Heggedal AS';

    // --- public start page (no login), Norwegian by default ---
    await page.goto(`${server.url}/`);
    await check('nb-01-start');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await h1().textContent()).toContain('Asker kommune');
    await page.getByRole('link', { name: 'Hopp til hovedinnhold' }).waitFor({ state: 'attached' });
    for (const d of ['Program', 'Virksomheter', 'Miljøsertifisering', 'Innkjøp', 'Klimaregnskap', 'Investeringer', 'Innovasjon og entreprenørskap', 'Lærlinger', 'Matsvinn', 'Gjenbruk og reparasjon', 'Næringsarealer', 'Landbruk', 'Fotavtrykk', 'Kampanje', 'Tjenester']) {
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: new RegExp(`^${d}`) }).waitFor();
    }

    // A module page opens with the focus on its heading (every module is built now).
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /^Fotavtrykk/ }).click();
    await page.waitForURL(/\/footprint$/);
    await h1().waitFor();
    await expectFocusOnHeading();
    await check('nb-02-module');

    // --- login, with the error summary first ---
    await page.getByRole('banner').getByRole('link', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'Skriv inn e-postadressen din.' }).waitFor();
    await check('nb-03-login-errors');
    await page.getByLabel('E-postadresse').fill(ADMIN.email);
    await page.getByLabel('Passord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    // Back where the login started (the module page).
    await page.waitForURL(/\/footprint$/);

    // --- organisations: list, search ---
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    await nav.getByRole('link', { name: /^Virksomheter/ }).click();
    await page.waitForURL(/\/organisations$/);
    await page.getByRole('table').waitFor();
    await expectFocusOnHeading();
    await check('nb-04-organisations');
    await page.getByRole('searchbox', { name: 'Søk' }).fill('Asker');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=Asker/);
    await page.getByRole('status').filter({ hasText: /virksomhet/ }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    for (const text of await page.getByRole('table').locator('tbody tr').allTextContents()) expect(text.toLowerCase()).toContain('asker');
    await check('nb-05-organisations-search');

    // --- create: server validation first, then a valid organisation ---
    await page.getByRole('link', { name: 'Ny virksomhet' }).click();
    await page.waitForURL(/\/organisations\/new$/);
    await page.getByLabel('Organisasjonsnummer').fill('123 456 789');
    await page.getByRole('button', { name: 'Registrer virksomheten' }).click();
    // The server's details show beside each field and in the summary (which links to the field).
    await page.locator('.ds-error-summary, ds-error-summary').first().waitFor();
    await page.getByRole('link', { name: /kontrollsiffer/ }).waitFor();
    await page.getByRole('link', { name: /Navn må fylles ut/ }).waitFor();
    expect(await page.getByLabel('Organisasjonsnummer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Organisasjonsnummer').getAttribute('aria-describedby')).toBeTruthy();
    await check('nb-06-organisation-new-errors');
    await page.getByLabel('Organisasjonsnummer').fill(spaced(orgNumber));
    await page.getByLabel('Navn').fill(name1);
    await page.getByLabel('Type').selectOption({ label: 'Butikk' });
    await page.getByLabel('Sted').fill('Asker');
    await page.getByLabel('Antall ansatte').fill('12');
    await page.getByRole('button', { name: 'Registrer virksomheten' }).click();
    await h1().filter({ hasText: name1 }).waitFor();
    await page.getByText(spaced(orgNumber), { exact: true }).waitFor();
    await check('nb-07-organisation');

    // --- edit ---
    await page.getByRole('link', { name: 'Endre' }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('Navn').fill(name2);
    await page.getByLabel('Sted').fill('Heggedal');
    await check('nb-08-organisation-edit');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await h1().filter({ hasText: name2 }).waitFor();
    await page.getByText('Heggedal', { exact: true }).waitFor();

    // --- audit log shows both changes, with the before/after of the edit ---
    await nav.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.getByLabel('Type').selectOption({ label: 'Virksomhet' });
    await page.getByRole('button', { name: 'Bruk filter' }).click();
    await page.waitForURL(/entityType=organisation/);
    await page.getByRole('cell', { name: `Virksomhet «${name1}» registrert` }).waitFor();
    await page.getByRole('cell', { name: `Virksomhet «${name2}» endret` }).waitFor();
    const exportHref = await page.getByRole('link', { name: 'Eksporter til CSV' }).getAttribute('href');
    expect(exportHref).toBe('/api/audit/export.csv?entityType=organisation');
    await page.getByRole('button', { name: /^Vis \d+ endringer/ }).click();
    const diff = page.getByRole('table', { name: new RegExp(`Før og etter: Virksomhet «${name2}» endret`) });
    await diff.getByRole('row', { name: new RegExp(`Navn ${name1} ${name2}`) }).waitFor();
    await diff.getByRole('row', { name: /Sted Asker Heggedal/ }).waitFor();
    await check('nb-09-audit');

    // --- units tree: expand/collapse by keyboard ---
    await nav.getByRole('link', { name: 'Enheter' }).click();
    await page.waitForURL(/\/units$/);
    await page.getByRole('list', { name: 'Enhetstre' }).waitFor();
    const toggle = page.getByRole('button', { name: /enheter under Oppvekst/ });
    const expanded = () => toggle.getAttribute('aria-expanded');
    await expect.poll(expanded).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(expanded).toBe('false');
    expect(await page.getByRole('link', { name: 'Barnevern' }).isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(expanded).toBe('true');
    await page.getByRole('link', { name: 'Barnevern' }).waitFor();
    await check('nb-10-units');

    // --- users ---
    await nav.getByRole('link', { name: 'Brukere og roller' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('cell', { name: 'admin@asker.example' }).waitFor();
    await check('nb-11-users');
    await page.getByRole('link', { name: 'Ny bruker' }).click();
    await page.getByRole('group', { name: 'Moduler' }).waitFor();
    await check('nb-12-user-new');

    // --- English: labels change, <html lang> follows, the choice survives a reload ---
    await nav.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.getByRole('button', { name: 'English' }).click();
    await h1().filter({ hasText: 'Audit log' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Apply filter' }).waitFor();
    await check('en-01-audit');
    await page.reload();
    await h1().filter({ hasText: 'Audit log' }).waitFor();
    const navEn = page.getByRole('navigation', { name: 'Main menu' });
    await navEn.getByRole('link', { name: 'Units' }).click();
    await h1().filter({ hasText: "The municipality's units" }).waitFor();
    await check('en-02-units');
    await navEn.getByRole('link', { name: 'Users and roles' }).click();
    await page.getByRole('columnheader', { name: 'Role' }).waitFor();
    await check('en-03-users');
    await navEn.getByRole('link', { name: /^Organisations/ }).click();
    await page.getByRole('columnheader', { name: 'Organisation number' }).waitFor();
    await check('en-04-organisations');
    await page.getByRole('searchbox', { name: 'Search' }).fill(orgNumber.slice(0, 6));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: name2 }).click();
    await h1().filter({ hasText: name2 }).waitFor();
    await page.getByText('Shop', { exact: true }).first().waitFor();
    await check('en-05-organisation');
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Organisation number').waitFor();
    await check('en-06-organisation-edit');
    await navEn.getByRole('link', { name: /^Agriculture/ }).click();
    await page.waitForURL(/\/agriculture$/);
    await h1().filter({ hasText: /Agriculture|Farming/ }).waitFor();
    await check('en-07-module');
    await page.goto(`${server.url}/no/such/page`);
    await h1().filter({ hasText: 'Page not found' }).waitFor();
    await check('en-08-not-found');

    // --- logged out, still in English: start and login pages ---
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor();
    await page.goto(`${server.url}/`);
    await h1().filter({ hasText: 'sustainable consumption and production' }).waitFor();
    await check('en-09-start');
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Wrong e-mail address or password.' }).waitFor();
    await check('en-10-login-failed');

    // Back to Norwegian for the record: the switch is a button reachable by keyboard.
    await page.getByRole('button', { name: /norsk/i }).focus();
    await page.keyboard.press('Enter');
    await h1().filter({ hasText: 'Logg inn' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(visited.length).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
