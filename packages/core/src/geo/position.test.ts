import { describe, expect, it } from 'vitest';
import { byDistance, checkPosition, distanceKm } from './position.js';

describe('distanceKm', () => {
  it('matches known distances (Oslo–Bergen about 305 km; a degree of latitude about 111 km)', () => {
    expect(distanceKm({ lat: 59.9139, lon: 10.7522 }, { lat: 60.3913, lon: 5.3221 })).toBeCloseTo(305, -1);
    expect(distanceKm({ lat: 59, lon: 10 }, { lat: 60, lon: 10 })).toBeCloseTo(111.2, 1);
  });
  it('is symmetric, zero for the same point, and never NaN for antipodes', () => {
    const a = { lat: 59.83, lon: 10.43 };
    const b = { lat: 59.56, lon: 10.45 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('checkPosition', () => {
  it('accepts both or neither, and names what is wrong', () => {
    expect(checkPosition(null, undefined)).toEqual({ position: null, issues: [] });
    expect(checkPosition(59.8, 10.4)).toEqual({ position: { lat: 59.8, lon: 10.4 }, issues: [] });
    expect(checkPosition(59.8, null).issues.map((i) => i.field)).toEqual(['lon']);
    expect(checkPosition(91, 181).issues.map((i) => i.field)).toEqual(['lat', 'lon']);
    expect(checkPosition(Number.NaN, 10).issues.map((i) => i.field)).toEqual(['lat']);
  });
});

describe('byDistance', () => {
  const from = { lat: 59.8339, lon: 10.4349 };
  const items = [
    { name: 'far', p: { lat: 59.561, lon: 10.453 } },
    { name: 'unknown', p: null },
    { name: 'near', p: { lat: 59.8425, lon: 10.4497 } },
    { name: 'middle', p: { lat: 59.7853, lon: 10.4466 } },
  ];
  it('puts the nearest first and unknown places last', () => {
    expect(byDistance(items, (i) => i.p, from).map((x) => x.item.name)).toEqual(['near', 'middle', 'far', 'unknown']);
    expect(byDistance(items, (i) => i.p, from)[3]!.distanceKm).toBeNull();
  });
  it('leaves out what is known to be farther than the radius, and keeps the unknown', () => {
    expect(byDistance(items, (i) => i.p, from, 10).map((x) => x.item.name)).toEqual(['near', 'middle', 'unknown']);
  });
});
