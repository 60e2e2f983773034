import type { Observation } from './types.js';

// JSON-stat 2.0 (https://json-stat.org/format/), the format Statistics Norway's API answers in:
// a dataset has dimension ids (`id`), their sizes (`size`), per dimension an ordered set of
// category codes, and a flat `value` array (or sparse object) in row-major order — the last
// dimension varies fastest.

export class JsonStatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStatError';
  }
}

export interface JsonStatDimension {
  id: string;
  label: string;
  categories: { code: string; label: string }[];
}

export interface JsonStatDataset {
  label: string;
  source: string | null;
  updated: string | null;
  dimensions: JsonStatDimension[];
  timeDimension: string | null;
  /** The value at one category index per dimension, or null when missing. */
  valueAt(indices: readonly number[]): number | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reads a JSON-stat 2.0 dataset; throws JsonStatError saying what is wrong. */
export function parseJsonStat(json: unknown): JsonStatDataset {
  if (!isObj(json)) throw new JsonStatError('JSON-stat: dokumentet må være et objekt');
  if (json.class !== undefined && json.class !== 'dataset') throw new JsonStatError(`JSON-stat: klassen «${String(json.class)}» støttes ikke, bare «dataset»`);
  const ids = json.id;
  const size = json.size;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new JsonStatError('JSON-stat: «id» må være en liste med dimensjonsnavn');
  if (!Array.isArray(size) || size.length !== ids.length || !size.every((n) => Number.isInteger(n) && n >= 0)) throw new JsonStatError('JSON-stat: «size» må ha ett heltall per dimensjon');
  if (!isObj(json.dimension)) throw new JsonStatError('JSON-stat: «dimension» mangler');
  const dimension = json.dimension;
  const dimensions: JsonStatDimension[] = (ids as string[]).map((id, d) => {
    const dim = dimension[id];
    if (!isObj(dim) || !isObj(dim.category)) throw new JsonStatError(`JSON-stat: dimensjonen «${id}» mangler kategorier`);
    const cat = dim.category;
    const labels = isObj(cat.label) ? (cat.label as Record<string, unknown>) : {};
    let codes: string[];
    if (Array.isArray(cat.index)) codes = cat.index.map(String);
    else if (isObj(cat.index)) {
      codes = [];
      for (const [code, i] of Object.entries(cat.index)) {
        if (!Number.isInteger(i)) throw new JsonStatError(`JSON-stat: dimensjonen «${id}» har en ugyldig indeks for «${code}»`);
        codes[i as number] = code;
      }
    } else codes = Object.keys(labels); // a single-category dimension may give labels only
    if (codes.length !== size[d] || codes.some((c) => c === undefined)) throw new JsonStatError(`JSON-stat: dimensjonen «${id}» har ${codes.length} kategorier, men «size» sier ${size[d]}`);
    return { id, label: typeof dim.label === 'string' ? dim.label : id, categories: codes.map((code) => ({ code, label: typeof labels[code] === 'string' ? (labels[code] as string) : code })) };
  });
  const total = (size as number[]).reduce((a, b) => a * b, 1);
  const raw = json.value;
  let lookup: (i: number) => unknown;
  if (Array.isArray(raw)) {
    if (raw.length !== total) throw new JsonStatError(`JSON-stat: «value» har ${raw.length} verdier, men dimensjonene gir ${total}`);
    lookup = (i) => raw[i];
  } else if (isObj(raw)) lookup = (i) => raw[String(i)];
  else throw new JsonStatError('JSON-stat: «value» mangler');
  const role = isObj(json.role) ? json.role : {};
  const time = Array.isArray(role.time) && typeof role.time[0] === 'string' ? role.time[0] : ((ids as string[]).find((i) => /^(tid|time|år|year)$/i.test(i)) ?? null);
  return {
    label: typeof json.label === 'string' ? json.label : '',
    source: typeof json.source === 'string' ? json.source : null,
    updated: typeof json.updated === 'string' ? json.updated : null,
    dimensions,
    timeDimension: time,
    valueAt(indices) {
      let flat = 0;
      for (let d = 0; d < dimensions.length; d++) {
        const i = indices[d]!;
        if (!(i >= 0 && i < (size as number[])[d]!)) return null;
        flat = flat * (size as number[])[d]! + i;
      }
      const v = lookup(flat);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The ISO date a statistical period stands for: 2024, 2024K2/2024Q2, 2024M03, or a date; start or end of the period. */
export function periodDate(code: string, at: 'start' | 'end'): string | null {
  let m = /^(\d{4})$/.exec(code);
  if (m) return at === 'start' ? `${m[1]}-01-01` : `${m[1]}-12-31`;
  m = /^(\d{4})[KQ]([1-4])$/i.exec(code);
  if (m) {
    const q = Number(m[2]);
    const y = Number(m[1]);
    return at === 'start' ? `${y}-${pad(q * 3 - 2)}-01` : `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}`;
  }
  m = /^(\d{4})M(\d{2})$/i.exec(code);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return at === 'start' ? `${y}-${pad(mo)}-01` : `${y}-${pad(mo)}-${lastDay(y, mo)}`;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(code) ? code : null;
}

/**
 * One time series out of a dataset: every dimension but time is fixed by `filter` (a dimension
 * with a single category may be left out); each time category becomes an observation dated at
 * the start or end of its period.
 */
export function jsonStatSeries(ds: JsonStatDataset, filter: Readonly<Record<string, string>>, options: { time?: string; at?: 'start' | 'end' } = {}): (Observation & { period: string })[] {
  const time = options.time ?? ds.timeDimension;
  if (!time) throw new JsonStatError('JSON-stat: finner ingen tidsdimensjon; oppgi hvilken dimensjon som er tid');
  const timeIndex = ds.dimensions.findIndex((d) => d.id === time);
  if (timeIndex < 0) throw new JsonStatError(`JSON-stat: tidsdimensjonen «${time}» finnes ikke (har: ${ds.dimensions.map((d) => d.id).join(', ')})`);
  for (const k of Object.keys(filter)) if (!ds.dimensions.some((d) => d.id === k)) throw new JsonStatError(`JSON-stat: dimensjonen «${k}» finnes ikke (har: ${ds.dimensions.map((d) => d.id).join(', ')})`);
  const indices = ds.dimensions.map((d, i) => {
    if (i === timeIndex) return 0;
    const code = filter[d.id];
    if (code === undefined) {
      if (d.categories.length === 1) return 0;
      throw new JsonStatError(`JSON-stat: velg én verdi for dimensjonen «${d.id}» (${d.categories.slice(0, 8).map((c) => c.code).join(', ')}${d.categories.length > 8 ? ', …' : ''})`);
    }
    const at = d.categories.findIndex((c) => c.code === code);
    if (at < 0) throw new JsonStatError(`JSON-stat: «${code}» finnes ikke i dimensjonen «${d.id}»`);
    return at;
  });
  const out: (Observation & { period: string })[] = [];
  ds.dimensions[timeIndex]!.categories.forEach((c, t) => {
    indices[timeIndex] = t;
    const value = ds.valueAt(indices);
    const date = periodDate(c.code, options.at ?? 'end');
    if (value === null || date === null) return;
    out.push({ period: c.code, date, value });
  });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
