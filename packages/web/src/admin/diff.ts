/** One field of an audit entry's before/after. */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

const show = (v: unknown): string => (v === undefined ? '' : v === null ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of before/after side by side; objects are compared key by key, anything else whole. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((isRecord(before) || before == null) && (isRecord(after) || after == null)) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.map((k) => {
      const bs = k in b ? show(b[k]) : '';
      const as = k in a ? show(a[k]) : '';
      return { field: k, before: bs, after: as, changed: JSON.stringify(b[k]) !== JSON.stringify(a[k]) };
    });
  }
  return [{ field: '', before: show(before), after: show(after), changed: JSON.stringify(before) !== JSON.stringify(after) }];
}
