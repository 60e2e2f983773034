/** A point on the earth in WGS 84 degrees, as a phone's GPS or a map gives it. */
export interface Position {
  lat: number;
  lon: number;
}

/** Mean earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in km by the haversine formula:
 * d = 2R · asin(√(sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2))).
 * Within a municipality the error against the ellipsoid is well under 0.5 %.
 */
export function distanceKm(a: Position, b: Position): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Checks an optional position given as two numbers: both or neither, latitude −90…90 and
 * longitude −180…180. Returns the position (or null) and the problems, in Norwegian.
 */
export function checkPosition(lat: number | null | undefined, lon: number | null | undefined): { position: Position | null; issues: { field: string; message: string }[] } {
  const none = (v: number | null | undefined) => v === null || v === undefined;
  if (none(lat) && none(lon)) return { position: null, issues: [] };
  const issues: { field: string; message: string }[] = [];
  if (none(lat) || !Number.isFinite(lat) || Math.abs(lat!) > 90) issues.push({ field: 'lat', message: 'Breddegraden må være et tall mellom −90 og 90' });
  if (none(lon) || !Number.isFinite(lon) || Math.abs(lon!) > 180) issues.push({ field: 'lon', message: 'Lengdegraden må være et tall mellom −180 og 180' });
  return issues.length ? { position: null, issues } : { position: { lat: lat!, lon: lon! }, issues };
}

/**
 * Items sorted by distance from `from`, each with its distance in km (rounded to 0.1); items
 * without a position come last, in their own order, with distance null. `withinKm` leaves out
 * those known to be farther away (the unknown ones stay, so nothing is hidden for lack of a place).
 */
export function byDistance<T>(items: readonly T[], positionOf: (item: T) => Position | null, from: Position, withinKm?: number): { item: T; distanceKm: number | null }[] {
  const withDistance = items.map((item, i) => {
    const p = positionOf(item);
    return { item, i, distanceKm: p ? Math.round(distanceKm(from, p) * 10) / 10 : null };
  });
  return withDistance
    .filter((x) => withinKm === undefined || x.distanceKm === null || x.distanceKm <= withinKm)
    .sort((x, y) => (x.distanceKm ?? Infinity) - (y.distanceKm ?? Infinity) || x.i - y.i)
    .map(({ item, distanceKm }) => ({ item, distanceKm }));
}
