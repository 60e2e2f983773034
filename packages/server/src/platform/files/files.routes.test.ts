import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemActor } from '@omstilling/core';
import { ENGINES } from '../../testing/databases.js';
import { multipartBody, startTestApp, type TestApp, type TestSession } from '../../testing/http.js';
import { organisationsRepository } from '../../organisations/organisations.repository.js';
import { createUser } from '../users/users.service.js';
import { municipalityRepository } from '../municipalities.js';
import { TenantScope } from '../tenant.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'), Buffer.from([0xe2, 0x82, 0xac, 0x00, 0xff]), Buffer.from('\n%%EOF\n')]);

describe.each(ENGINES)('files: evidence upload and download (%s)', (engine) => {
  let t: TestApp;
  let managerA: TestSession;
  let managerB: TestSession;
  let admin: TestSession;
  let foodwasteEditor: TestSession;
  let otherAdmin: TestSession;
  let unitA: string;
  let fileId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, {
      async before(deps) {
        const m = await municipalityRepository(deps.db).upsert({ slug: 'other', name: 'Annen kommune', number: '4601', previousNumbers: [], hosts: ['other.localhost'], locale: 'nb' }, deps.now().toISOString());
        const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
        await createUser({ scope: new TenantScope(deps.db, m.id), actor, now: deps.now }, { email: 'admin@other.example', name: 'Annen admin', role: 'admin', password: 'annen-kommune-passord' });
      },
    });
    const asker = (await municipalityRepository(t.deps.db).bySlug('asker'))!;
    unitA = (await organisationsRepository(new TenantScope(t.deps.db, asker.id)).unitByKey('bhg-bleikerfaret'))!.id;
    managerA = await t.login('eirik.hovdenak@asker.example');
    managerB = await t.login('nora.bakkerud@asker.example');
    admin = await t.login('admin@asker.example');
    foodwasteEditor = await t.login('marit.kjosvold@asker.example');
    otherAdmin = await t.login('admin@other.example', { host: 'other.localhost', password: 'annen-kommune-passord' });
  });
  afterAll(() => t?.close());

  const upload = async (s: TestSession, fields: Record<string, string>, file: { name: string; data: Buffer | string; type: string }) => {
    const mp = await multipartBody(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/files', headers: s.headers(mp.headers), payload: mp.payload });
  };

  it("lets a unit manager upload evidence for their unit, stored with the file's fingerprint", async () => {
    const res = await upload(managerA, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'matsvinn måling.pdf', data: PDF, type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ filename: 'matsvinn måling.pdf', contentType: 'application/pdf', size: PDF.length, domain: 'foodwaste', ownerUnitId: unitA, ownerOrganisationId: null });
    expect(view.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    fileId = view.id;
  });

  it('gives the file back to its unit manager byte for byte, as an attachment', async () => {
    const res = await t.app.inject({ url: `/api/files/${fileId}`, headers: managerA.headers() });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('matsvinn måling.pdf')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    // The domain's editor and the admin may read it too.
    expect((await t.app.inject({ url: `/api/files/${fileId}`, headers: foodwasteEditor.headers() })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/files/${fileId}`, headers: admin.headers() })).statusCode).toBe(200);
  });

  it("refuses another unit's manager (403) and uploads for a unit not theirs", async () => {
    const res = await t.app.inject({ url: `/api/files/${fileId}`, headers: managerB.headers() });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect(res.body).not.toContain('%PDF');
    const up = await upload(managerB, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'x.pdf', data: PDF, type: 'application/pdf' });
    expect(up.statusCode).toBe(403);
  });

  it('answers 404 to a user of another municipality, even with the id', async () => {
    for (const [url, host] of [
      [`/api/files/${fileId}`, 'other.localhost'],
      [`/m/other/api/files/${fileId}`, 'asker.localhost'],
    ] as const) {
      const res = await t.app.inject({ url, headers: { ...otherAdmin.headers(), host } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
      expect(res.body).not.toContain('%PDF');
    }
    expect((await t.app.inject({ url: `/api/files/${fileId}` })).statusCode).toBe(401);
  });

  it('refuses content whose magic bytes do not match the claimed type (415), and types not allowed', async () => {
    for (const [name, data, type] of [
      ['faktura.pdf', 'this is not a PDF', 'application/pdf'],
      ['bilde.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/png'], // a JPEG claiming to be PNG
      ['ark.xlsx', '%PDF-1.7', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['side.html', '<script>alert(1)</script>', 'text/html'],
    ] as const) {
      const res = await upload(managerA, { domain: 'foodwaste', ownerUnitId: unitA }, { name, data, type });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json().code).toBe('unsupported_media_type');
    }
    // A real PNG passes, so the 415s are about the content.
    const png = await upload(managerA, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'ok.png', data: Buffer.from('89504e470d0a1a0a', 'hex'), type: 'image/png' });
    expect(png.statusCode, png.body).toBe(201);
  });

  it('writes nothing for a refused upload (no row, no audit entry)', async () => {
    const count = async () => Number((await t.deps.db.selectFrom('stored_file').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const audits = async () => Number((await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity_type', '=', 'file').executeTakeFirstOrThrow()).n);
    const [files, entries] = [await count(), await audits()];
    expect((await upload(managerA, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'x.pdf', data: 'nope', type: 'application/pdf' })).statusCode).toBe(415);
    expect((await upload(managerB, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'x.pdf', data: PDF, type: 'application/pdf' })).statusCode).toBe(403);
    expect((await upload(managerA, { domain: 'nonsense', ownerUnitId: unitA }, { name: 'x.pdf', data: PDF, type: 'application/pdf' })).statusCode).toBe(400);
    expect([await count(), await audits()]).toEqual([files, entries]);
    // …while an accepted one writes both.
    expect((await upload(managerA, { domain: 'foodwaste', ownerUnitId: unitA }, { name: 'y.pdf', data: PDF, type: 'application/pdf' })).statusCode).toBe(201);
    expect([await count(), await audits()]).toEqual([files + 1, entries + 1]);
  });
});
