import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pageFixture from './__fixtures__/brreg_underenheter_page_response_anonymised.json' with { type: 'json' };
import updatesFixture from './__fixtures__/brreg_oppdaterte_underenheter_response.json' with { type: 'json' };
import { BrregFormatError, filterByMunicipality, parseBrregDocument, parseBrregUpdates } from './brreg.js';

const ASKER = ['3203', '3025', '0220'];

const enheterPage = {
  _embedded: {
    enheter: [
      {
        organisasjonsnummer: '927124238',
        navn: 'Gjenbruk Asker AS',
        organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' },
        naeringskode1: { kode: '46.690', beskrivelse: 'Engroshandel med andre maskiner og annet utstyr' },
        antallAnsatte: 12,
        harRegistrertAntallAnsatte: true,
        forretningsadresse: { adresse: ['Storgata 1', '', 'Bygg B'], postnummer: '1384', poststed: 'ASKER', kommune: 'ASKER', kommunenummer: '3203' },
        postadresse: { adresse: ['Postboks 9'], postnummer: '1371', poststed: 'ASKER', kommunenummer: '3203' },
        hjemmeside: 'www.example.no',
        stiftelsesdato: '2019-03-01',
        registreringsdatoEnhetsregisteret: '2019-03-15',
        konkurs: true,
        underAvvikling: false,
      },
      { organisasjonsnummer: '111 111 111', navn: 'Kun postadresse ENK', organisasjonsform: { kode: 'ENK' }, harRegistrertAntallAnsatte: false, antallAnsatte: 0, postadresse: { adresse: ['Vei 2'], postnummer: '1337', poststed: 'SANDVIKA', kommunenummer: '3201' }, slettedato: '2024-01-02' },
      { organisasjonsnummer: '222222222', navn: '   ' },
    ],
  },
  _links: { self: { href: 'https://data.brreg.no/enhetsregisteret/api/enheter?kommunenummer=3203' } },
  page: { size: 20, totalElements: 3, totalPages: 1, number: 0 },
};

describe('parseBrregDocument', () => {
  it('parses the underenheter page fixture and flags the fixture entry with a bad check digit', () => {
    const doc = parseBrregDocument(pageFixture);
    expect(doc.kind).toBe('underenheter');
    expect(doc.entities).toHaveLength(9);
    expect(doc.entities[0]).toEqual({
      orgNumber: '111111111',
      name: 'Virksomhet',
      orgForm: 'BEDR',
      industryCode: '71.112',
      industryText: 'Arkitekttjenester vedrørende byggverk',
      employees: 2,
      address: 'Adresse 1',
      postalCode: '1383',
      place: 'ASKER',
      municipalityNumber: '3025',
      website: null,
      parentOrgNumber: '999999999',
      registeredDate: '2017-07-08',
      deleted: false,
      bankrupt: false,
    });
    expect(doc.issues).toEqual([
      expect.objectContaining({ index: 9, field: 'organisasjonsnummer', path: '$._embedded.underenheter[9].organisasjonsnummer' }),
    ]);
    expect(doc.issues[0]?.message).toMatch(/kontrollsiffer/);
    expect(filterByMunicipality(doc.entities, ASKER)).toHaveLength(9);
    expect(filterByMunicipality(doc.entities, ['0301'])).toHaveLength(0);
  });

  it('parses a hand-written enheter page', () => {
    const doc = parseBrregDocument(enheterPage);
    expect(doc.kind).toBe('enheter');
    expect(doc.entities.map((e) => e.orgNumber)).toEqual(['927124238', '111111111']);
    expect(doc.entities[0]).toMatchObject({
      orgForm: 'AS',
      industryCode: '46.690',
      employees: 12,
      address: 'Storgata 1, Bygg B',
      postalCode: '1384',
      municipalityNumber: '3203',
      website: 'www.example.no',
      parentOrgNumber: null,
      registeredDate: '2019-03-15',
      bankrupt: true,
      deleted: false,
    });
    expect(doc.entities[1]).toMatchObject({ employees: null, address: 'Vei 2', place: 'SANDVIKA', municipalityNumber: '3201', deleted: true, industryCode: null });
    expect(doc.issues).toEqual([
      { index: 2, path: '$._embedded.enheter[2].navn', field: 'navn', message: 'Mangler navn', messageEn: 'Missing name' },
    ]);
    expect(filterByMunicipality(doc.entities, ASKER).map((e) => e.orgNumber)).toEqual(['927124238']);
  });

  it('parses a bulk array and names index and path of a bad org number', () => {
    const bulk = [
      { organisasjonsnummer: '927124238', navn: 'A', forretningsadresse: { kommunenummer: '0220' } },
      { organisasjonsnummer: '927124239', navn: 'B' },
      { organisasjonsnummer: '12345', navn: 'C' },
      { navn: 'D' },
      'not an object',
    ];
    const doc = parseBrregDocument(bulk);
    expect(doc.kind).toBe('bulk');
    expect(doc.entities.map((e) => e.name)).toEqual(['A']);
    expect(doc.issues.map((i) => [i.index, i.path])).toEqual([
      [1, '$[1].organisasjonsnummer'],
      [2, '$[2].organisasjonsnummer'],
      [3, '$[3].organisasjonsnummer'],
      [4, '$[4]'],
    ]);
    expect(doc.issues[0]?.messageEn).toMatch(/MOD11/);
    expect(filterByMunicipality(doc.entities, ASKER)).toHaveLength(1);
  });

  it('accepts empty pages and infers the kind from _links.self', () => {
    const page = { size: 20, totalElements: 0, totalPages: 0, number: 0 };
    expect(parseBrregDocument({ page, _links: { self: { href: 'https://data.brreg.no/enhetsregisteret/api/underenheter?navn=x' } } })).toEqual({ kind: 'underenheter', entities: [], issues: [] });
    expect(parseBrregDocument({ page })).toEqual({ kind: 'enheter', entities: [], issues: [] });
    expect(parseBrregDocument([])).toEqual({ kind: 'bulk', entities: [], issues: [] });
  });

  it('throws BrregFormatError for other shapes, including the update feed', () => {
    for (const bad of [null, 42, 'x', {}, { _embedded: [] }, { _embedded: { foo: [] } }, { _embedded: { enheter: {} } }, updatesFixture]) {
      expect(() => parseBrregDocument(bad)).toThrow(BrregFormatError);
    }
    expect(() => parseBrregDocument(updatesFixture)).toThrow(/parseBrregUpdates/);
  });

  it('property: never throws anything but BrregFormatError on arbitrary JSON / values', () => {
    const check = (v: unknown) => {
      try {
        const doc = parseBrregDocument(v);
        return Array.isArray(doc.entities) && Array.isArray(doc.issues);
      } catch (e) {
        return e instanceof BrregFormatError;
      }
    };
    fc.assert(fc.property(fc.json(), (s) => check(JSON.parse(s))));
    fc.assert(fc.property(fc.anything(), check));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('enheter', 'underenheter'), fc.array(fc.anything())).map((emb) => ({ _embedded: emb })), check));
  });

  it('property: every bulk entry becomes exactly one entity or at least one issue', () => {
    const entry = fc.oneof(
      fc.anything(),
      fc.record({ organisasjonsnummer: fc.oneof(fc.stringMatching(/^\d{9}$/), fc.string()), navn: fc.string() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(fc.array(entry), (arr) => {
        const { entities, issues } = parseBrregDocument(arr);
        const rejected = new Set(issues.map((i) => i.index));
        expect(entities.length + rejected.size).toBe(arr.length);
        for (const i of issues) expect(i.path.startsWith(`$[${i.index}]`)).toBe(true);
      }),
    );
  });
});

describe('parseBrregUpdates', () => {
  it('parses the oppdaterte underenheter fixture, skipping the invalid org number', () => {
    const updates = parseBrregUpdates(updatesFixture);
    expect(updates).toHaveLength(9);
    expect(updates[0]).toEqual({ updateId: 14757180, timestamp: '2022-07-05T04:01:39.613Z', orgNumber: '111111111', changeType: 'Fjernet' });
    expect(parseBrregUpdates({ page: { totalElements: 0 } })).toEqual([]);
    expect(() => parseBrregUpdates(pageFixture)).toThrow(BrregFormatError);
  });
});
