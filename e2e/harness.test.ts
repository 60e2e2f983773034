import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ENGINES } from '../packages/server/src/testing/databases.js';
import { checkA11y, DEMO_ADMIN, launchBrowser, startTestServer, type TestServer } from './harness.js';

describe('e2e harness', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(ENGINES)('serves the API on a real port (%s)', async (engine) => {
    const s = engine === 'sqlite' ? server : await startTestServer({ engine });
    try {
      const res = await fetch(`${s.url}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: 'ok', engine });
      const meta = await (await fetch(`${s.url}/api/meta`)).json();
      expect(meta.municipality.slug).toBe('asker');
      // The demo admin can sign in over real HTTP.
      const login = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ADMIN) });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/omstilling_sid=.*HttpOnly/i);
    } finally {
      if (s !== server) await s.close();
    }
  });

  it('opens the start page in Chromium with no WCAG 2.1 AA violation', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('main, [role="main"]').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^n[bno]/);
    expect(await checkA11y(page, 'start page')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports violations readably (so a clean page above means something)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    // Break the page on purpose: an image without alt text, a button without a name.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt"><button id="no-name"></button>');
    });
    const err = await checkA11y(page, 'broken page').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^broken page: \d+ WCAG 2\.1 AA violation/);
    expect((err as Error).message).toContain('image-alt (critical)');
    expect((err as Error).message).toContain('#no-alt');
    expect((err as Error).message).toContain('button-name');
    await page.close();
  });
});
