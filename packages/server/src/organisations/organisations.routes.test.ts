import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.js';
import { multipartBody, startTestApp, type TestApp, type TestSession } from '../testing/http.js';

const FIXTURE = 'reference/enhetsregisteret/brreg_underenheter_page_response_anonymised.json';
// The fixture's ten sub-units all lie in Asker's former number 3025; the last, 123456789, fails MOD11.
const BAD_INDEX = 9;

describe.each(ENGINES)('organisations API (%s)', (engine) => {
  let t: TestApp;
  let editor: TestSession;
  let manager: TestSession;
  let fixture: { _embedded: { underenheter: { organisasjonsnummer: string }[] } };
  let good: string;

  const count = async () => Number((await t.deps.db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const importFile = async (s: TestSession, name: string, data: string) => {
    const mp = await multipartBody({}, { name, data, type: 'application/json' });
    return t.app.inject({ method: 'POST', url: '/api/organisations/import/brreg', headers: s.headers(mp.headers), payload: mp.payload });
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    editor = await t.login('tonje.brekkestad@asker.example'); // editor of organisations
    manager = await t.login('eirik.hovdenak@asker.example');
    fixture = JSON.parse(fs.readFileSync(path.join(t.deps.config.dataDir, FIXTURE), 'utf8'));
    expect(fixture._embedded.underenheter[BAD_INDEX]!.organisasjonsnummer).toBe('123456789');
    good = JSON.stringify({ ...fixture, _embedded: { underenheter: fixture._embedded.underenheter.filter((_, i) => i !== BAD_INDEX) } });
  });
  afterAll(() => t?.close());

  describe('create', () => {
    it('refuses a bad org. number with 400 and details naming orgNumber, and writes nothing', async () => {
      const before = await count();
      for (const orgNumber of ['123456789', '12345', 'ABCDEFGHI']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: editor.headers(), payload: { orgNumber, name: 'Feil AS', kind: 'business' } });
        expect(res.statusCode, orgNumber).toBe(400);
        expect(res.json().code).toBe('validation');
        expect(res.json().details).toEqual([expect.objectContaining({ field: 'orgNumber' })]);
      }
      // Several bad fields are named each, in one answer.
      const many = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: editor.headers(), payload: { orgNumber: '123456789', name: ' ', kind: 'business', postalCode: '12', website: 'ftp://x' } });
      expect(many.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'orgNumber', 'postalCode', 'website']);
      // A schema error (wrong type) names the field too.
      const typed = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: editor.headers(), payload: { orgNumber: 123, name: 'X', kind: 'nope' } });
      expect(typed.statusCode).toBe(400);
      expect(typed.json().details.map((d: { field: string }) => d.field)).toContain('kind');
      expect(await count()).toBe(before);
    });

    it('creates with a valid org. number (spaces allowed), once', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: editor.headers(), payload: { orgNumber: '974 760 673', name: 'Testvirksomhet AS', kind: 'business', website: 'https://test.example', postalCode: '1384' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ orgNumber: '974760673', name: 'Testvirksomhet AS', source: 'manual' });
      const again = await t.app.inject({ method: 'POST', url: '/api/organisations', headers: editor.headers(), payload: { orgNumber: '974760673', name: 'Igjen AS', kind: 'business' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().details).toEqual([expect.objectContaining({ field: 'orgNumber' })]);
    });

    it('stores null for a field cleared with null (not an empty string)', async () => {
      const list = (await t.app.inject({ url: '/api/organisations?q=974760673', headers: editor.headers() })).json();
      const org = list.items[0];
      const res = await t.app.inject({ method: 'PUT', url: `/api/organisations/${org.id}`, headers: editor.headers(), payload: { orgNumber: org.orgNumber, name: org.name, kind: org.kind, website: null, postalCode: null, industryCode: null, employees: null } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ website: null, postalCode: null, industryCode: null, employees: null });
      const row = await t.deps.db.selectFrom('organisation').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
      expect([row.website, row.postal_code, row.industry_code, row.employees]).toEqual([null, null, null, null]);
      // A unit at the top (parentId null) is created, not refused by its foreign key.
      const unit = await t.app.inject({ method: 'POST', url: '/api/units', headers: editor.headers(), payload: { parentId: null, kind: 'sector', type: 'office', name: 'Ny sektor' } });
      expect(unit.statusCode, unit.body).toBe(201);
      expect(unit.json().parentId).toBeNull();
    });
  });

  describe('Brønnøysund import', () => {
    it('refuses a file with one bad org. number with 422 naming its index and path, and writes nothing', async () => {
      const before = await count();
      const res = await importFile(editor, 'underenheter.json', JSON.stringify(fixture));
      expect(res.statusCode).toBe(422);
      const body = res.json();
      expect(body.code).toBe('import_failed');
      expect(body.details).toEqual([{ file: 'underenheter.json', line: BAD_INDEX + 1, field: `$._embedded.underenheter[${BAD_INDEX}].organisasjonsnummer`, message: expect.stringContaining('123456789') }]);
      expect(await count()).toBe(before);
      expect(await t.deps.db.selectFrom('organisation').select('id').where('org_number', '=', '111111111').execute()).toEqual([]);
      // A bad number in the middle: the good ones before it are not written either.
      const middle = JSON.parse(good);
      middle._embedded.underenheter[3].organisasjonsnummer = '444444445';
      const mid = await importFile(editor, 'midt.json', JSON.stringify(middle));
      expect(mid.statusCode).toBe(422);
      expect(mid.json().details).toEqual([expect.objectContaining({ line: 4, field: '$._embedded.underenheter[3].organisasjonsnummer' })]);
      expect(await count()).toBe(before);
    });

    it('refuses a file that is not JSON (422) and a user who may not import (403)', async () => {
      const before = await count();
      const notJson = await importFile(editor, 'x.json', '{"_embedded": ');
      expect(notJson.statusCode).toBe(422);
      expect(notJson.json().details[0].file).toBe('x.json');
      expect((await importFile(manager, 'underenheter.json', good)).statusCode).toBe(403);
      expect(await count()).toBe(before);
    });

    it('imports the good entries: created counts, source brreg', async () => {
      const before = await count();
      const res = await importFile(editor, 'underenheter.json', good);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ kind: 'underenheter', inFile: 9, inMunicipality: 9, created: 9, updated: 0, unchanged: 0 });
      expect(await count()).toBe(before + 9);
      const row = await t.deps.db.selectFrom('organisation').selectAll().where('org_number', '=', '111111111').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ source: 'brreg', municipality_number: '3025', postal_code: '1383', industry_code: '71.112', employees: 2 });
    });

    it('changes nothing when the same file is imported again', async () => {
      const rows = async () => t.deps.db.selectFrom('organisation').selectAll().orderBy('id').execute();
      const before = await rows();
      const res = await importFile(editor, 'underenheter.json', good);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ kind: 'underenheter', inFile: 9, inMunicipality: 9, created: 0, updated: 0, unchanged: 9 });
      expect(await rows()).toEqual(before);
    });

    it('updates what changed in Brønnøysund, and only that', async () => {
      const changed = JSON.parse(good);
      changed._embedded.underenheter[0].antallAnsatte = 7;
      const res = await importFile(editor, 'underenheter-2.json', JSON.stringify(changed));
      expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 8 });
      expect((await t.deps.db.selectFrom('organisation').select('employees').where('org_number', '=', '111111111').executeTakeFirstOrThrow()).employees).toBe(7);
    });

    it('shows each import in the audit log, and no entry for refused files', async () => {
      const admin = await t.login('admin@asker.example');
      const res = await t.app.inject({ url: '/api/audit?action=import&entityType=organisation&limit=50', headers: admin.headers() });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { entityId: string; actorId: string; summary: string; after: { created: number; updated: number; unchanged: number } }[];
      expect(items.map((e) => [e.entityId, e.after.created, e.after.updated, e.after.unchanged])).toEqual([
        ['underenheter-2.json', 0, 1, 8],
        ['underenheter.json', 0, 0, 9],
        ['underenheter.json', 9, 0, 0],
      ]);
      expect(items.every((e) => e.actorId === editor.user.id)).toBe(true);
      expect(items[2]!.summary).toContain('9 nye');
    });
  });
});
