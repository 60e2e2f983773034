import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt, localTime, validateOpeningHours, validateDirectoryPlace, type OpeningHours } from './directory.js';
import { addImpacts, reservationRefused, reuseImpact, validateItem, validateReservation } from './market.js';
import { checkPhoto, photoInfo } from './photo.js';

const png = (w: number, h: number) => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, w);
  new DataView(b.buffer).setUint32(20, h);
  return b;
};
const jpeg = (w: number, h: number) => {
  // SOI, an APP0 segment of 16 bytes, then SOF0 with height and width.
  const b = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  return b;
};

describe('opening hours', () => {
  const hours: OpeningHours = { mon: [['10:00', '17:00']], sat: [['11:00', '15:00']] };
  it('is open inside the hours in Oslo time, closed outside and on missing days', () => {
    expect(isOpenAt(hours, new Date('2026-11-30T09:30:00Z'))).toBe(true); // Monday 10:30 in Oslo (UTC+1)
    expect(isOpenAt(hours, new Date('2026-11-30T08:30:00Z'))).toBe(false); // 09:30
    expect(isOpenAt(hours, new Date('2026-11-30T16:00:00Z'))).toBe(false); // 17:00 closes
    expect(isOpenAt(hours, new Date('2026-12-01T12:00:00Z'))).toBe(false); // Tuesday
    expect(isOpenAt(hours, new Date('2026-06-29T08:30:00Z'))).toBe(true); // Monday 10:30 in summer time (UTC+2)
    expect(isOpenAt(null, new Date())).toBe(false);
    expect(localTime(new Date('2026-11-28T23:30:00Z'))).toEqual({ day: 'sun', time: '00:30' });
  });

  it('names every bad day and time in Norwegian', () => {
    expect(validateOpeningHours({ mon: [['10:00', '17:00'], ['16:00', '18:00']] })[0]!.message).toContain('overlapper');
    expect(validateOpeningHours({ tue: [['17:00', '10:00']] })[0]).toEqual({ field: 'openingHours.tue', message: 'Tirsdag: åpner 17:00 må være før stenger 10:00' });
    expect(validateOpeningHours({ fri: [['9', '17']] })[0]!.message).toContain('TT:MM');
    expect(validateOpeningHours({ xyz: [] })[0]!.field).toBe('openingHours.xyz');
    expect(validateOpeningHours(hours)).toEqual([]);
  });

  it('is open exactly when the local time falls in an interval (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }), (from, len, minute) => {
        const to = Math.min(24, from + len);
        const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
        const h: OpeningHours = { wed: [[hh(from), hh(to)]] };
        const at = new Date(Date.parse('2026-11-30T00:00:00Z') + minute * 60_000);
        const { day, time } = localTime(at);
        expect(isOpenAt(h, at)).toBe(day === 'wed' && time >= hh(from) && time < hh(to));
      }),
    );
  });

  it('checks a directory entry field by field', () => {
    const ok = { name: 'Sykkelverkstedet', kind: 'repair_shop', categories: ['bicycles'], lat: 59.78, lon: 10.43 };
    expect(validateDirectoryPlace(ok)).toEqual([]);
    expect(validateDirectoryPlace({ ...ok, name: ' ', kind: 'x', categories: [], lat: 59, lon: null, website: 'www.x.no' }).map((i) => i.field)).toEqual(['name', 'kind', 'categories', 'lon', 'website']);
    expect(validateDirectoryPlace({ ...ok, categories: ['bicycles', 'cars'] })[0]!.message).toBe('Ukjent kategori: cars');
  });
});

describe('reuse marketplace', () => {
  const desk = { category: 'desk', kgPerItem: 40, newPriceNok: 7000, co2ePerItemKg: 104 };
  it('counts items, kg, NOK (less repair and transport) and CO2e', () => {
    expect(reuseImpact(desk, 3, 1000)).toEqual({ items: 3, kg: 120, nokSaved: 20000, co2eKg: 312 });
    expect(reuseImpact(desk, 1, 10_000).nokSaved).toBe(0);
    expect(addImpacts([reuseImpact(desk, 1), reuseImpact(desk, 2)])).toEqual(reuseImpact(desk, 3));
  });
  it('is additive in the quantity (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b) => { expect(addImpacts([reuseImpact(desk, a), reuseImpact(desk, b)])).toEqual(reuseImpact(desk, a + b)); }));
  });
  it('checks an item and a reservation with Norwegian messages', () => {
    const ok = { title: 'Bord', category: 'table', condition: 'good', quantity: 2, location: 'Hvalstad skole', availableFrom: '2026-12-01' };
    expect(validateItem(ok, ['table'])).toEqual([]);
    expect(validateItem({ ...ok, title: '', category: 'x', condition: 'y', quantity: 0, location: '', availableFrom: '2026-02-30', costNok: -1 }, ['table']).map((i) => i.field)).toEqual(['title', 'category', 'condition', 'quantity', 'location', 'availableFrom', 'costNok']);
    expect(validateReservation(2, 1)[0]!.message).toBe('Bare 1 er ledige');
    expect(validateReservation(1, 0)[0]!.message).toBe('Det er ingen igjen å reservere');
    expect(validateReservation(1.5, 3)[0]!.field).toBe('quantity');
    expect(reservationRefused('reserved', 0)).toBe('Gjenstanden er allerede reservert av en annen enhet');
  });
});

describe('photos', () => {
  it('reads type and size of PNG and JPEG headers and refuses other files', () => {
    expect(photoInfo(png(640, 480))).toEqual({ type: 'image/png', width: 640, height: 480 });
    expect(photoInfo(jpeg(1600, 1200))).toEqual({ type: 'image/jpeg', width: 1600, height: 1200 });
    expect(photoInfo(new TextEncoder().encode('%PDF-1.4 not an image at all'))).toBeNull();
    expect(checkPhoto(new TextEncoder().encode('%PDF-1.4')).issues[0]!.message).toBe('Filen er ikke et bilde. Bruk JPEG, PNG eller WebP.');
    expect(checkPhoto(png(5000, 300)).issues[0]!.message).toContain('5000 × 300 piksler');
    expect(checkPhoto(png(100, 100), { maxBytes: 10, maxSide: 2400 }).issues[0]!.message).toContain('for stort');
    expect(checkPhoto(new Uint8Array()).issues[0]!.message).toBe('Filen er tom');
  });
  it('reads back any PNG size and never throws on random bytes (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 65535 }), (w, h) => { expect(photoInfo(png(w, h))).toEqual({ type: "image/png", width: w, height: h }); }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (w, h) => { expect(photoInfo(jpeg(w, h))).toEqual({ type: "image/jpeg", width: w, height: h }); }));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => void photoInfo(b)));
  });
});
