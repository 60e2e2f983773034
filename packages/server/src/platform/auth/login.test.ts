import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '@omstilling/core';
import { ENGINES } from '../../testing/databases.js';
import { startTestApp, type TestApp } from '../../testing/http.js';
import { municipalityRepository } from '../municipalities.js';
import { TenantScope } from '../tenant.js';
import { createUser } from '../users/users.service.js';
import { AppError } from '../errors.js';
import { LOGIN_THROTTLE, loginWithPassword } from './auth.service.js';

const PASSWORD = 'riktig-passord-123';
const meta = { ip: '192.0.2.1', userAgent: 'test' };

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the login to fail');
}

describe.each(ENGINES)('password login throttled per account (%s)', (engine) => {
  let t: TestApp;
  let municipalityId = '';
  const at = (minutes: number) => new Date(Date.parse('2026-11-27T10:00:00Z') + minutes * 60_000);
  const login = (email: string, password: string, minutes: number) => loginWithPassword(t.deps.db, municipalityId, email, password, meta, at(minutes), 8);

  beforeAll(async () => {
    t = await startTestApp(engine, {
      seed: [],
      async before(deps) {
        const m = await municipalityRepository(deps.db).upsert({ slug: 'proving', name: 'Prøving kommune', number: '4699', previousNumbers: [], hosts: [], locale: 'nb' }, deps.now().toISOString());
        municipalityId = m.id;
        const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
        const ctx = { scope: new TenantScope(deps.db, m.id), actor, now: deps.now };
        for (const email of ['kari@proving.example', 'ola@proving.example']) await createUser(ctx, { email, name: email, role: 'admin', password: PASSWORD });
      },
    });
  }, 120_000);
  afterAll(() => t?.close());

  it(`refuses an address after ${LOGIN_THROTTLE.failures} failures in ${LOGIN_THROTTLE.windowMinutes} minutes, right password or not, and lets it in again after the window`, async () => {
    for (let i = 0; i < LOGIN_THROTTLE.failures; i++) expect((await failure(login('kari@proving.example', 'feil', i))).code).toBe('unauthenticated');
    const locked = await failure(login('Kari@Proving.example ', PASSWORD, 5));
    expect(locked).toMatchObject({ code: 'rate_limited', message: 'For mange mislykkede innlogginger med denne e-postadressen. Prøv igjen om 10 minutter.' });
    // Another account is not affected.
    expect((await login('ola@proving.example', PASSWORD, 5)).actor.email).toBe('ola@proving.example');
    // 15 minutes after the first failure one slot is free again; the right password gets in and clears the count.
    expect((await login('kari@proving.example', PASSWORD, 15)).actor.email).toBe('kari@proving.example');
    expect(await t.deps.db.selectFrom('login_failure').select('id').where('municipality_id', '=', municipalityId).execute()).toEqual([]);
  });

  it('counts guesses at unknown addresses the same way, so the answer does not reveal which exist', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.failures; i++) await failure(login('ingen@proving.example', 'x', 30 + i));
    expect((await failure(login('ingen@proving.example', 'x', 36))).code).toBe('rate_limited');
  });

  it('answers 429 with the reason over HTTP', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.failures; i++) await failure(login('ola@proving.example', 'feil', 60 + i));
    // The app's clock is the real one: the failures above are in the past unless they are recent, so add them now.
    const now = t.deps.now();
    await t.deps.db.updateTable('login_failure').set({ at: now.toISOString() }).where('municipality_id', '=', municipalityId).execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'proving.localhost' }, payload: { email: 'ola@proving.example', password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json()).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('denne e-postadressen') });
  });
});
