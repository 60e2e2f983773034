// Reuse and repair end to end (program point B2): a resident finds a bicycle repair shop in the
// public directory, by category and on the map (no login); a school posts a surplus table with a
// photo (a real PNG made here, resized in the browser); a kindergarten reserves a table from a
// school, and a table already taken is refused. axe (WCAG 2.1 AA) on every page visited;
// screenshots in /tmp/shots/circular-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';
import { placeholderPng } from '../packages/server/src/circular/circular.demo.js';
import { DEMO_STEPS } from '../packages/server/src/demo/demo.steps.js';
import { circularDemoStep } from '../packages/server/src/circular/circular.demo.js';

// Only this domain's demo step on top of the shared base (units, organisations, users): faster on a
// loaded machine, and independent of other domains' demo data.
DEMO_STEPS.splice(0, DEMO_STEPS.length, circularDemoStep);


const SCHOOL = 'nora.bakkerud@asker.example'; // Hvalstad skole
const KINDERGARTEN = 'eirik.hovdenak@asker.example'; // Bleikerfaret barnehage
const LONG = 600_000;

describe('reuse and repair in the browser', () => {
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

  const check = (page: Page, name: string) => settleAndCheck(page, `circular-${name}`);

  it(
    'a resident finds who repairs bicycles, in the list and on the map, without logging in',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/circular`);
      await page.getByRole('heading', { level: 1, name: 'Gjenbruk og reparasjon' }).waitFor();
      await page.getByRole('heading', { name: 'Reparasjonskafeen i Asker' }).waitFor();
      await check(page, 'directory');
      await page.getByLabel('Hva skal repareres eller gis videre?').selectOption({ label: 'Sykler' });
      await page.getByText('Viser 4 av 9 steder').waitFor();
      await expect(page.getByRole('heading', { name: 'Bruktbua Nesbru' }).count()).resolves.toBe(0);
      const shop = page.getByRole('article', { name: 'Sykkelverkstedet Slemmestad' });
      await shop.getByText('Tar imot eller reparerer: Sykler, Sportsutstyr').waitFor();
      await shop.getByRole('table', { name: 'Åpningstider for Sykkelverkstedet Slemmestad' }).getByRole('row', { name: /Tirsdag 16:00–20:00/ }).waitFor();
      // The map: loaded on request, the boundary with a button per place.
      await page.getByRole('button', { name: 'Kart' }).click();
      const marker = page.getByRole('button', { name: 'Sykkelverkstedet Slemmestad (Reparasjonsverksted)' });
      await marker.waitFor();
      await expect(page.locator('[data-testid="circ-map"] svg path').count()).resolves.toBe(1);
      await expect(page.locator('.circ-marker').count()).resolves.toBe(4);
      await marker.click();
      await page.getByRole('heading', { level: 3, name: 'Sykkelverkstedet Slemmestad' }).waitFor();
      await page.getByText('Slemmestadveien 240, 3470 Slemmestad').waitFor();
      await check(page, 'map');
      // The support schemes link to the call's page (apply after signing in).
      await page.getByRole('link', { name: 'Tilskudd til reparasjon og ombruk 2027' }).waitFor();
      await context.close();
    },
    LONG,
  );

  it(
    'a school posts a surplus table with a photo; a non-image is refused with a clear message',
    async () => {
      const page = await signIn(browser, server, SCHOOL, '/circular/market');
      await page.getByRole('heading', { level: 1, name: 'Ombruksmarkedet' }).waitFor();
      await check(page, 'market-school');
      const before = ((await (await page.request.get(`${server.url}/api/circular/items?limit=1`)).json()) as { total: number }).total;
      // Not an image: the server's message, nothing posted.
      await page.getByLabel('Bilde (valgfritt)').setInputFiles({ name: 'bord.png', mimeType: 'image/png', buffer: Buffer.from('dette er ikke et bilde') });
      await page.getByText('Filen er ikke et bilde. Bruk JPEG, PNG eller WebP.').waitFor();
      // A real PNG, 2000 × 1500: resized in the browser to 1600 × 1200 before upload.
      await page.getByLabel('Bilde (valgfritt)').setInputFiles({ name: 'bord.png', mimeType: 'image/png', buffer: placeholderPng(2000, 1500, [170, 130, 90]) });
      await page.getByText('Bildet er lastet opp (1600 × 1200 piksler).').waitFor({ timeout: 30_000 });
      await page.getByLabel('Hva gis bort?').fill('Lesebord, eik');
      await page.getByLabel('Kategori').first().selectOption({ label: 'Bord (møte-, kantine-, barnehage- og elevbord)' });
      await page.getByLabel('Antall', { exact: true }).fill('2');
      await page.getByLabel('Hentested').fill('Hvalstad skole, hovedinngangen');
      await page.getByRole('button', { name: 'Legg ut' }).click();
      await page.getByText('«Lesebord, eik» er lagt ut.').waitFor();
      const card = page.getByRole('article', { name: 'Lesebord, eik' });
      await card.getByRole('img', { name: 'Bilde av Lesebord, eik' }).waitFor();
      expect(await card.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
      const after = ((await (await page.request.get(`${server.url}/api/circular/items?limit=1`)).json()) as { total: number }).total;
      expect(after).toBe(before + 1);
      // An empty title is refused in the page, naming the field.
      await page.getByRole('button', { name: 'Legg ut' }).click();
      await page.getByText('Skriv hva som gis bort, for eksempel «Kontorstol, grå»').waitFor();
      await check(page, 'market-posted');
      await page.context().close();
    },
    LONG,
  );

  it(
    'a kindergarten manager reserves a surplus table from a school; reserving it again is refused',
    async () => {
      const page = await signIn(browser, server, KINDERGARTEN, '/circular/market');
      await page.getByRole('heading', { level: 1, name: 'Ombruksmarkedet' }).waitFor();
      const card = page.getByRole('article', { name: 'Lavt bord til barnehage, bjørk' });
      await card.getByText(/Fra Hvalstad skole/).waitFor();
      await check(page, 'market-kindergarten');
      // The page shows it as available; meanwhile another unit takes it.
      const item = ((await (await page.request.get(`${server.url}/api/circular/items?limit=100`)).json()) as { items: { id: string; title: string }[] }).items.find((i) => i.title === 'Lavt bord til barnehage, bjørk')!;
      await card.getByRole('button', { name: 'Reserver Lavt bord til barnehage, bjørk' }).click();
      await page.getByText('Reservert: 1 × Lavt bord til barnehage, bjørk.').waitFor();
      await page.getByLabel('Vis').selectOption({ label: 'Reserverte' });
      const reserved = page.getByRole('article', { name: 'Lavt bord til barnehage, bjørk' });
      await reserved.getByText(/1 reservert av Bleikerfaret barnehage/).waitFor();
      await check(page, 'market-reserved');
      // A second reservation of the same table (another tab, an old page): 409 with a clear message, nothing saved.
      const again = await page.request.post(`${server.url}/api/circular/items/${item.id}/reservations`, { data: { unitId: ((await (await page.request.get(`${server.url}/api/circular/options`)).json()) as { myUnits: { id: string }[] }).myUnits[0]!.id }, headers: { 'x-csrf-token': await csrf(page) } });
      expect(again.status()).toBe(409);
      expect(((await again.json()) as { message: string }).message).toBe('Gjenstanden er allerede reservert av en annen enhet');
      await page.context().close();
    },
    LONG,
  );

  async function csrf(page: Page): Promise<string> {
    return ((await (await page.request.get(`${server.url}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
  }
});
