const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Average Gregorian year, used to turn dates into fractional years. */
export const MS_PER_YEAR = 365.2425 * MS_PER_DAY;

/** Splits an ISO yyyy-mm-dd date into numbers, throwing RangeError for anything that is not a real calendar date. */
export function parts(iso: string): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(iso)}`);
}

/** Milliseconds since the epoch of an ISO date at 00:00 UTC. */
export function toMs(iso: string): number {
  const { y, m, d } = parts(iso);
  return Date.UTC(y, m - 1, d);
}

/** Fractional years since 1970 of an ISO date, for trend fitting. */
export function toYears(iso: string): number {
  return toMs(iso) / MS_PER_YEAR;
}

/** Number of days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds n calendar months; a month-end date stays a month-end date (2024-02-29 + 1 → 2024-03-31), other days are clamped to the month's length. */
export function addMonths(iso: string, n: number): string {
  const { y, m, d } = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = daysInMonth(ny, nm);
  const nd = d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}
