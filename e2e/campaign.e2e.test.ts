// The campaign end to end (program point C1): a resident on a phone, without logging in, reads the
// themes, joins a repair-day workshop (and gets a cancel code) and posts a reflection in a
// pre-moderated theme (held, not lost); a campaign moderator handles a reported post and approves
// the reflection; the statistics page; English. axe (WCAG 2.1 AA) on every page visited;
// screenshots in /tmp/shots/campaign-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, settleAndCheck, SHOTS, signIn, startTestServer, type TestServer } from './harness.js';
import { DEMO_STEPS } from '../packages/server/src/demo/demo.steps.js';
import { footprintDemoStep } from '../packages/server/src/footprint/footprint.demo.js';
import { campaignDemoStep } from '../packages/server/src/campaign/campaign.demo.js';

// Seed only what these pages read (users, the calculator's results and pledges, the campaign), so
// the test does not wait for every other domain's demo; the server runs in this process.
DEMO_STEPS.splice(0, DEMO_STEPS.length, footprintDemoStep, campaignDemoStep);

const LONG = 180_000; // the machine is shared and loaded
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const MODERATOR = 'camilla.nesseklev@asker.example'; // editor: campaign, services

describe('campaign in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = PHONE): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function check(page: Page, name: string) {
    await settleAndCheck(page, `campaign-${name}`);
    const width = page.viewportSize()!.width;
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: page wider than the viewport`).toBeLessThanOrEqual(width);
  }

  const db = () => server.deps.db;

  it(
    'a resident on a phone joins a repair day and posts a reflection that waits for approval',
    async () => {
      const page = await open('/public/campaign');
      await page.getByRole('heading', { level: 1, name: /Nok til alle/ }).waitFor();
      await page.getByRole('link', { name: 'Kjøp mindre, bruk lenger' }).waitFor();
      await check(page, 'themes-phone');

      // Events: join the repair day in Slemmestad with two seats.
      await page.getByRole('link', { name: 'Arrangementer og påmelding' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Arrangementer' }).waitFor();
      await page.getByRole('heading', { name: 'Reparasjonsdag i Slemmestad' }).waitFor();
      await check(page, 'events-phone');
      const before = Number((await db().selectFrom('cmp_event').select('seats_taken').where('title', '=', 'Reparasjonsdag i Slemmestad').executeTakeFirstOrThrow()).seats_taken);
      await page.getByRole('button', { name: 'Meld deg på «Reparasjonsdag i Slemmestad»' }).tap();
      const form = page.getByRole('form', { name: 'Meld deg på «Reparasjonsdag i Slemmestad»' });
      await form.getByRole('button', { name: 'Bekreft påmeldingen' }).tap();
      await form.getByText('Skriv et navn eller kallenavn').waitFor(); // nothing sent without a name
      await form.getByLabel('Navn eller kallenavn').fill('Sykkel-Siri');
      await form.getByLabel('Antall plasser').fill('2');
      await form.getByRole('button', { name: 'Bekreft påmeldingen' }).tap();
      await page.getByText('Du er påmeldt (2 plasser).').waitFor();
      const code = (await page.getByTestId('cmp-cancel-code').textContent())!;
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await check(page, 'registered-phone');
      const after = await db().selectFrom('cmp_event').select('seats_taken').where('title', '=', 'Reparasjonsdag i Slemmestad').executeTakeFirstOrThrow();
      expect(Number(after.seats_taken)).toBe(before + 2);
      const reg = await db().selectFrom('cmp_registration').selectAll().where('name', '=', 'Sykkel-Siri').executeTakeFirstOrThrow();
      expect(reg.email).toBeNull();
      expect(JSON.stringify(reg)).not.toContain(code);

      // A reflection in the pre-moderated travel theme: the code of conduct first.
      await page.goto(`${server.url}/public/campaign`);
      await page.getByRole('link', { name: 'Reise og transport' }).tap();
      await page.getByRole('heading', { level: 1, name: 'Reise og transport' }).waitFor();
      await page.getByRole('heading', { name: 'Tog til Berlin i sommer' }).waitFor();
      const newForm = page.getByRole('form', { name: 'Start en ny samtale' });
      await newForm.getByLabel('Visningsnavn').fill('Siri');
      await newForm.getByLabel('Tittel').fill('Ferie uten fly');
      await newForm.getByLabel('Innlegget ditt').fill('Vi prøvde å feriere i Norge i år og tok toget til Bergen. Barna syntes det var best.');
      await newForm.getByRole('button', { name: 'Publiser innlegget' }).tap();
      await newForm.getByText('Du må godta retningslinjene før du skriver').first().waitFor();
      await newForm.getByText('Retningslinjer for samtalen').tap(); // the code of conduct opens in place
      await newForm.getByText('Kritiser meninger, ikke personer.').waitFor();
      await newForm.getByLabel('Jeg har lest og godtar retningslinjene for samtalen').check();
      await page.waitForTimeout(3200); // people take a while to write; the server refuses forms sent within 3 s
      await check(page, 'theme-form-phone');
      await newForm.getByRole('button', { name: 'Publiser innlegget' }).tap();
      await newForm.getByText('Takk! Innlegget er lagret og vises når en moderator har godkjent det.').waitFor();
      const held = await db().selectFrom('cmp_post').selectAll().where('title', '=', 'Ferie uten fly').executeTakeFirstOrThrow();
      expect(held.status).toBe('pending'); // stored, not shown
      expect(await page.getByRole('heading', { name: 'Ferie uten fly' }).count()).toBe(0);

      // Report a post in another theme.
      await page.goto(`${server.url}/public/campaign`);
      await page.getByRole('link', { name: 'Mat og matsvinn' }).tap();
      await page.getByRole('heading', { name: /plantebasert dag i uka/ }).waitFor();
      await page.getByRole('button', { name: 'Meld innlegget fra Linn' }).tap();
      await page.getByLabel('Hvorfor melder du innlegget?').selectOption('off_topic');
      await page.getByRole('button', { name: 'Send melding' }).tap();
      await page.getByText('Takk. En moderator ser på innlegget.').waitFor();
      await check(page, 'reported-phone');
    },
    LONG,
  );

  it(
    'a moderator hides the reported spam with a reason and approves the held reflection; a non-moderator is refused',
    async () => {
      const page = await signIn(browser, server, MODERATOR, '/campaign/moderation');
      contexts.push(page.context());
      await page.getByRole('heading', { level: 1, name: 'Modereringskø' }).waitFor();
      const spam = page.getByRole('listitem').filter({ hasText: 'KJØP BILLIGE KLÆR' });
      await spam.getByText('Reklame eller spam').waitFor();
      await check(page, 'moderation');
      await spam.getByRole('button', { name: 'Skjul' }).click();
      await spam.getByText('Begrunnelse må fylles ut når et innlegg skjules').waitFor();
      await spam.getByLabel('Begrunnelse').fill('Reklame for nettbutikk');
      await spam.getByRole('button', { name: 'Skjul' }).click();
      await spam.getByText('Innlegget er skjult.').waitFor();
      const hidden = await db().selectFrom('cmp_post').select(['id', 'status', 'moderation_reason']).where('display_name', '=', 'Tor').executeTakeFirstOrThrow();
      expect([hidden.status, hidden.moderation_reason]).toEqual(['hidden', 'Reklame for nettbutikk']);
      const audit = await db().selectFrom('audit_log').select(['actor_label', 'after']).where('entity_id', '=', hidden.id).where('action', '=', 'update').executeTakeFirstOrThrow();
      expect(audit.actor_label).toContain(MODERATOR);
      expect(JSON.parse(audit.after as string)).toMatchObject({ status: 'hidden', action: 'hide', reason: 'Reklame for nettbutikk' });

      const reflection = page.getByRole('listitem').filter({ hasText: 'Ferie uten fly' });
      await reflection.getByRole('button', { name: 'Godkjenn' }).click();
      await reflection.getByText('Innlegget er godkjent og vises nå.').waitFor();
      await check(page, 'moderation-done');

      // The approved reflection is public now; the spam is gone.
      const resident = await open('/public/campaign');
      await resident.getByRole('link', { name: 'Reise og transport' }).tap();
      await resident.getByRole('heading', { name: 'Ferie uten fly' }).waitFor();
      await resident.goto(`${server.url}/public/campaign`);
      await resident.getByRole('link', { name: 'Kjøp mindre, bruk lenger' }).tap();
      await resident.getByRole('heading', { name: 'Bruktkjøp av barneklær' }).waitFor();
      expect(await resident.getByText('KJØP BILLIGE KLÆR').count()).toBe(0);

      // Statistics and the editors' page.
      await page.goto(`${server.url}/campaign/stats`);
      await page.getByRole('heading', { level: 1, name: 'Kampanjestatistikk' }).waitFor();
      await page.getByRole('table', { name: /Deltakere og bidrag per periode/ }).waitFor();
      await page.getByTestId('cmp-chart').locator('svg').waitFor();
      await check(page, 'stats');
      await page.goto(`${server.url}/campaign/admin`);
      await page.getByRole('table', { name: 'Alle arrangementer, også tidligere og avlyste' }).waitFor();
      await check(page, 'admin');

      // A signed-in user who is not a campaign moderator sees the refusal, not the queue.
      const other = await signIn(browser, server, 'ingeborg.lundestad@asker.example', '/campaign/moderation');
      contexts.push(other.context());
      await other.getByText(/Du har ikke tilgang til dette/).first().waitFor();
      expect(await other.getByText('KJØP BILLIGE KLÆR').count()).toBe(0);
    },
    LONG,
  );

  it(
    'reads the public pages in English',
    async () => {
      const context = await browser.newContext(PHONE);
      contexts.push(context);
      await context.addInitScript(() => localStorage.setItem('omstilling.lang', 'en'));
      const page = await context.newPage();
      await page.goto(`${server.url}/public/campaign/events`);
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      await page.getByText(/seats? left/).first().waitFor();
      await check(page, 'events-en-phone');
      await page.goto(`${server.url}/public/campaign/conduct`);
      await page.getByRole('heading', { level: 1, name: 'Code of conduct' }).waitFor();
      await check(page, 'conduct-en-phone');
    },
    LONG,
  );
});
