// Search parameters of the certification pages, checked before a page sees them (the router's validateSearch).
import { REGISTER_SORTS, SIZE_CLASSES, STATUSES } from './types';

const str = (v: unknown, max = 100): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined);
const int = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
};
const page = (v: unknown) => {
  const n = int(v);
  return n !== undefined && n > 1 ? n : undefined;
};
const oneOf = <T extends string>(xs: readonly T[], v: unknown): T | undefined => (typeof v === 'string' && (xs as readonly string[]).includes(v) ? (v as T) : undefined);

export const certSearch = {
  register: (s: Record<string, unknown>) => ({
    q: str(s.q),
    status: typeof s.status === 'string' && s.status.split(',').every((x) => (STATUSES as readonly string[]).includes(x)) ? s.status : undefined,
    scheme: str(s.scheme, 40),
    sector: str(s.sector),
    sort: oneOf(REGISTER_SORTS, s.sort),
    dir: oneOf(['asc', 'desc'] as const, s.dir),
    page: page(s.page),
  }),
  report: (s: Record<string, unknown>) => {
    const y = int(s.year);
    return { year: y !== undefined && y >= 2000 && y <= 2100 ? y : undefined };
  },
  newCertificate: (s: Record<string, unknown>) => ({ unitId: str(s.unitId) }),
  outreach: (s: Record<string, unknown>) => ({ industry: str(s.industry, 10), size: oneOf(SIZE_CLASSES, s.size), q: str(s.q), contacted: oneOf(['yes', 'no'] as const, s.contacted), page: page(s.page) }),
};
