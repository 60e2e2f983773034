import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { call, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const EDITOR = 'jonas.fjellvik@asker.example'; // editor: enterprise
const BUSINESS = 'vibeke@holmsbu-fjordhotell.example';
const MANAGER = 'eirik.hovdenak@asker.example'; // unit manager

describe.each(ENGINES)('enterprise register HTTP API (%s)', (engine) => {
  let t: TestApp;
  let editor: TestSession;
  let business: TestSession;
  let manager: TestSession;

  beforeAll(async () => {
    t = await startTestApp(engine);
    [editor, business, manager] = (await Promise.all([EDITOR, BUSINESS, MANAGER].map((e) => t.login(e)))) as [TestSession, TestSession, TestSession];
  }, 600_000);
  afterAll(() => t?.close());

  const venture = { name: 'Hotellets gjenbruksbod', orgNumber: null, kind: 'social', activity: 'Gir bort brukt inventar fra hotellet', impactArea: 'Ombruk', sdgs: [12] };

  it('lets business users neither read nor change the register, and saves nothing for them', async () => {
    const count = async () => (await call(t.app, 'GET', '/api/enterprise/ventures?limit=1', editor.headers())).json().total as number;
    const before = await count();
    for (const [method, url, body] of [
      ['GET', '/api/enterprise/ventures', undefined],
      ['POST', '/api/enterprise/ventures', venture],
      ['GET', '/api/enterprise/cluster', undefined],
      ['POST', '/api/enterprise/youth-companies', { name: 'X', schoolName: 'Y', year: 2026, idea: 'En god idé her', participants: 3, outcome: 'ongoing', support: 'Veiledning' }],
    ] as const) {
      const res = await call(t.app, method, url, business.headers(), body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toEqual({ code: 'forbidden', message: 'Du har ikke tilgang til dette', details: [] });
    }
    // A unit manager reads the register but does not change it.
    expect((await call(t.app, 'GET', '/api/enterprise/ventures', manager.headers())).statusCode).toBe(200);
    expect((await call(t.app, 'POST', '/api/enterprise/ventures', manager.headers(), venture)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('answers bad input with 400 and the field in Norwegian, and an editor saves good input', async () => {
    const bad = await call(t.app, 'POST', '/api/enterprise/ventures', editor.headers(), { ...venture, orgNumber: '939375636', sdgs: [0] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation', details: [{ field: 'orgNumber', message: 'Organisasjonsnummeret 939375636 har feil kontrollsiffer' }, { field: 'sdgs', message: 'Bærekraftsmålene er nummerert 1–17' }] });
    const ok = await call(t.app, 'POST', '/api/enterprise/ventures', editor.headers(), { ...venture, orgNumber: '939 375 635' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ orgNumber: '939375635', organisationId: expect.any(String) });
  });

  it('shows the public cluster directory without a session, with nothing internal in it', async () => {
    const res = await call(t.app, 'GET', '/api/public/enterprise/cluster');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const body = res.json();
    expect(body.memberCount).toBe(13);
    expect(body.themes.map((x: { key: string }) => x.key).sort()).toEqual(['bioeconomy', 'circular_economy', 'environmental_technology', 'renewable_energy']);
    const tomra = body.themes.flatMap((x: { members: { name: string }[] }) => x.members).find((m: { name: string }) => m.name === 'TOMRA Systems ASA');
    expect(Object.keys(tomra).sort()).toEqual(['description', 'industry', 'name', 'place', 'website']);
    for (const hidden of ['"id"', 'organisationId', 'joinedOn', 'employees', '927124238', 'Bruktbua', 'Stiftelsesmøte', 'rationale', 'suggestions']) expect(res.body).not.toContain(hidden);
    // The internal view is not public.
    expect((await call(t.app, 'GET', '/api/enterprise/cluster')).statusCode).toBe(401);
  });
});
