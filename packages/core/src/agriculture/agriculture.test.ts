import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conversionEnds, isDate, managementOn, organicShareByYear, validateCropAreas, validateFarm, validatePlan, type Crop, type CropArea } from './farming.js';
import { deliveriesByYear, formatPeriod, parsePeriod, validateDelivery, type Delivery } from './deliveries.js';

const CROPS: Crop[] = [
  { key: 'grass', nb: 'Eng', en: 'Grass', conversionMonths: 24 },
  { key: 'vegetables', nb: 'Grønnsaker', en: 'Vegetables', conversionMonths: 24, horticulture: true },
  { key: 'fruit', nb: 'Frukt', en: 'Fruit', conversionMonths: 36, horticulture: true },
];
const PRODUCTS = [
  { key: 'vegetables', nb: 'Grønnsaker', en: 'Vegetables', horticulture: true },
  { key: 'meat', nb: 'Kjøtt', en: 'Meat', horticulture: false },
];
const CHANNELS = [
  { key: 'farm_shop', nb: 'Gårdsbutikk', en: 'Farm shop' },
  { key: 'reko', nb: 'REKO-ring', en: 'REKO ring' },
];
const months = (k: string) => CROPS.find((c) => c.key === k)?.conversionMonths ?? 24;

describe('conversion', () => {
  it('ends after the period, on the last day of a short month when the day is missing', () => {
    expect(conversionEnds('2023-05-01', 24)).toBe('2025-05-01');
    expect(conversionEnds('2024-02-29', 24)).toBe('2026-02-28');
    expect(conversionEnds('2023-11-30', 3)).toBe('2024-02-29');
    expect(conversionEnds('2022-08-31', 36)).toBe('2025-08-31');
  });
  it('counts an area in conversion as organic from the day its period ends, and not a day before', () => {
    const a = { management: 'conversion' as const, conversionStart: '2023-05-01' };
    expect(managementOn(a, '2025-04-30', 24)).toBe('conversion');
    expect(managementOn(a, '2025-05-01', 24)).toBe('organic');
    expect(managementOn(a, '2025-05-01', 36)).toBe('conversion');
    expect(managementOn({ management: 'conventional', conversionStart: null }, '2030-01-01', 24)).toBe('conventional');
  });
  it('always lands on a real date that many months later, never before the start (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 60 }), (d, m) => {
        const start = d.toISOString().slice(0, 10);
        const end = conversionEnds(start, m);
        expect(isDate(end)).toBe(true);
        expect(end >= start).toBe(true);
        const monthsApart = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7));
        expect(monthsApart).toBe(m);
      }),
    );
  });
});

describe('organic share by year', () => {
  const areas: CropArea[] = [
    { farmId: 'a', year: 2024, cropKey: 'grass', areaDaa: 300, management: 'conventional', conversionStart: null },
    { farmId: 'a', year: 2024, cropKey: 'vegetables', areaDaa: 100, management: 'conversion', conversionStart: '2023-04-01' },
    { farmId: 'b', year: 2024, cropKey: 'fruit', areaDaa: 100, management: 'organic', conversionStart: null },
    { farmId: 'a', year: 2025, cropKey: 'grass', areaDaa: 300, management: 'conventional', conversionStart: null },
    { farmId: 'a', year: 2025, cropKey: 'vegetables', areaDaa: 100, management: 'conversion', conversionStart: '2023-04-01' },
    { farmId: 'b', year: 2025, cropKey: 'fruit', areaDaa: 100, management: 'organic', conversionStart: null },
  ];
  it('splits organic and in-conversion, and moves conversion to organic when the period has ended by 31 December', () => {
    const [y24, y25, y26] = organicShareByYear(areas, [2024, 2025, 2026], months);
    expect(y24).toMatchObject({ totalDaa: 500, organicDaa: 100, conversionDaa: 100, conventionalDaa: 300, organicShare: 20, conversionShare: 20, organicOrConversionShare: 40, farms: 2 });
    expect(y25).toMatchObject({ organicDaa: 200, conversionDaa: 0, organicShare: 40, organicOrConversionShare: 40 });
    expect(y26).toMatchObject({ totalDaa: 0, organicShare: null, farms: 0 });
  });
  it('keeps shares between 0 and 100 and the parts summing to the whole (property)', () => {
    const arb = fc.record({ farmId: fc.constantFrom('a', 'b', 'c'), year: fc.integer({ min: 2020, max: 2022 }), cropKey: fc.constantFrom('grass', 'vegetables', 'fruit'), areaDaa: fc.double({ min: 0, max: 5000, noNaN: true }), management: fc.constantFrom('conventional', 'conversion', 'organic') as fc.Arbitrary<CropArea['management']>, conversionStart: fc.constantFrom(null, '2019-06-01', '2021-03-15') });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (xs) => {
        for (const y of organicShareByYear(xs, [2020, 2021, 2022], months)) {
          expect(Math.abs(y.organicDaa + y.conversionDaa + y.conventionalDaa - y.totalDaa)).toBeLessThan(1e-6);
          if (y.organicOrConversionShare !== null) {
            expect(y.organicOrConversionShare).toBeGreaterThanOrEqual(0);
            expect(y.organicOrConversionShare).toBeLessThanOrEqual(100 + 1e-9);
            expect(Math.abs(y.organicShare! + y.conversionShare! - y.organicOrConversionShare)).toBeLessThan(1e-6);
          }
        }
      }),
    );
  });
  it('never counts less organic area at a later year end for the same areas (conversion only moves forward)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.date({ min: new Date('2015-01-01'), max: new Date('2022-12-31'), noInvalidDate: true }), daa: fc.integer({ min: 1, max: 500 }), crop: fc.constantFrom('grass', 'fruit') }), { maxLength: 10 }), (xs) => {
        const at = (year: number) => organicShareByYear(xs.map((x, i) => ({ farmId: `f${i}`, year, cropKey: x.crop, areaDaa: x.daa, management: 'conversion' as const, conversionStart: x.start.toISOString().slice(0, 10) })), [year], months)[0]!.organicDaa;
        expect(at(2023)).toBeLessThanOrEqual(at(2024));
        expect(at(2024)).toBeLessThanOrEqual(at(2026));
      }),
    );
  });
});

describe('validation', () => {
  it('refuses negative areas, unknown crops, conversion without a start, doubles and sums above the farm', () => {
    const issues = validateCropAreas(2025, [
      { cropKey: 'grass', areaDaa: -1, management: 'conventional', conversionStart: null },
      { cropKey: 'tulips', areaDaa: 10, management: 'organic', conversionStart: null },
      { cropKey: 'vegetables', areaDaa: 10, management: 'conversion', conversionStart: null },
      { cropKey: 'vegetables', areaDaa: 10, management: 'conversion', conversionStart: '2026-01-01' },
    ], 15, CROPS);
    expect(issues.map((i) => i.field)).toEqual(['areas.0.areaDaa', 'areas.1.cropKey', 'areas.2.conversionStart', 'areas.3.conversionStart', 'areas.3.cropKey', 'areas']);
    expect(issues.at(-1)!.message).toContain('30 dekar');
    expect(validateCropAreas(2025, [{ cropKey: 'grass', areaDaa: 0, management: 'conventional', conversionStart: null }, { cropKey: 'grass', areaDaa: 15, management: 'organic', conversionStart: null }], 15, CROPS)).toEqual([]);
  });
  it('accepts any split of the farm area and refuses any sum above it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 100 }), (total, weights, extra) => {
        const sum = weights.reduce((s, w) => s + w, 0) || 1;
        const keys = ['grass', 'vegetables', 'fruit'];
        const split = weights.map((w, i) => ({ cropKey: keys[i]!, areaDaa: Math.floor((total * w) / sum), management: 'conventional' as const, conversionStart: null }));
        expect(validateCropAreas(2024, split, total, CROPS)).toEqual([]);
        const over = [...split.slice(0, -1), { ...split.at(-1)!, areaDaa: split.at(-1)!.areaDaa + total + extra }];
        expect(validateCropAreas(2024, over, total, CROPS).map((i) => i.field)).toEqual(['areas']);
      }),
    );
  });
  it('checks farms and plans', () => {
    expect(validateFarm({ agriculturalAreaDaa: -5, certifierKey: null, certificateNumber: 'X1', certificateDate: '2030-01-01' }, [{ key: 'debio' }], '2026-11-28').map((i) => i.field)).toEqual(['agriculturalAreaDaa', 'certifierKey', 'certificateDate']);
    expect(validateFarm({ agriculturalAreaDaa: 300, certifierKey: 'debio', certificateNumber: 'X1', certificateDate: '2024-01-01' }, [{ key: 'debio' }], '2026-11-28')).toEqual([]);
    expect(validatePlan({ targetYear: 2024, areaDaa: 500, status: 'planned' }, 300, 2026).map((i) => i.field)).toEqual(['targetYear', 'areaDaa']);
    expect(validatePlan({ targetYear: 2024, areaDaa: 100, status: 'completed' }, 300, 2026)).toEqual([]);
  });
  it('checks deliveries: period not begun, unknown channel, zero kg, negative value', () => {
    const ok = { year: 2026, month: 6, channelKey: 'reko', productKey: 'vegetables', kg: 120, valueOre: 540000 };
    expect(validateDelivery(ok, CHANNELS, PRODUCTS, '2026-11-28')).toEqual([]);
    expect(validateDelivery({ ...ok, month: 12 }, CHANNELS, PRODUCTS, '2026-11-28').map((i) => i.field)).toEqual(['month']);
    expect(validateDelivery({ ...ok, year: 2027, month: null, channelKey: 'x', kg: 0, valueOre: -1 }, CHANNELS, PRODUCTS, '2026-11-28').map((i) => i.field)).toEqual(['year', 'channel', 'kg', 'valueNok']);
  });
});

describe('deliveries', () => {
  it('sums by year, channel and product, and counts farms delivering horticultural produce', () => {
    const ds: Delivery[] = [
      { farmId: 'a', year: 2025, month: 6, channelKey: 'reko', productKey: 'vegetables', kg: 100, valueOre: 50_00 },
      { farmId: 'a', year: 2025, month: 7, channelKey: 'farm_shop', productKey: 'vegetables', kg: 50, valueOre: 25_00 },
      { farmId: 'b', year: 2025, month: null, channelKey: 'farm_shop', productKey: 'meat', kg: 400, valueOre: 800_00 },
      { farmId: 'b', year: 2024, month: null, channelKey: 'farm_shop', productKey: 'vegetables', kg: 10, valueOre: 1_00 },
    ];
    const [y] = deliveriesByYear(ds, [2025], PRODUCTS);
    expect(y).toMatchObject({ year: 2025, kg: 550, valueOre: 875_00, farms: 2, horticultureFarms: 1 });
    expect(y!.byChannel.farm_shop).toEqual({ kg: 450, valueOre: 825_00 });
    expect(y!.byProduct.vegetables).toEqual({ kg: 150, valueOre: 75_00 });
  });
  it('reads periods as people write them and writes them back the same (property)', () => {
    expect(parsePeriod('2025')).toEqual({ year: 2025, month: null });
    expect(parsePeriod('06.2025')).toEqual({ year: 2025, month: 6 });
    expect(parsePeriod('juni')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }), (y, m) => {
      expect(parsePeriod(formatPeriod(y, m))).toEqual({ year: y, month: m });
    }));
  });
});
