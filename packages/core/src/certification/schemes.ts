import type { FieldIssue, HolderKind, Scheme } from './types.js';

const KEY = /^[a-z0-9][a-z0-9-]{1,39}$/;
const HOLDERS: readonly HolderKind[] = ['unit', 'organisation'];

const issue = (field: string, message: string, messageEn: string): FieldIssue => ({ field, message, messageEn });
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const intIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Checks one scheme definition (from the reference file or an admin's form); field names are paths under `prefix`. */
export function validateScheme(input: unknown, prefix = ''): FieldIssue[] {
  const p = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const out: FieldIssue[] = [];
  if (!isObj(input)) return [issue(prefix || 'scheme', 'Ordningen må være et objekt', 'The scheme must be an object')];
  if (typeof input.key !== 'string' || !KEY.test(input.key)) out.push(issue(p('key'), 'Nøkkelen må ha 2–40 tegn: små bokstaver a–z, sifre og bindestrek', 'The key must have 2–40 characters: a–z, digits and hyphens'));
  for (const lang of ['nb', 'en'] as const) {
    const name = isObj(input.name) ? input.name[lang] : undefined;
    if (typeof name !== 'string' || !name.trim() || name.length > 120) out.push(issue(p(`name.${lang}`), `Navn (${lang}) må fylles ut (høyst 120 tegn)`, `Name (${lang}) is required (at most 120 characters)`));
  }
  if (!intIn(input.validityMonths, 1, 120)) out.push(issue(p('validityMonths'), 'Gyldighet må være et helt antall måneder mellom 1 og 120', 'Validity must be a whole number of months between 1 and 120'));
  if (!intIn(input.graceMonths, 0, 24)) out.push(issue(p('graceMonths'), 'Frist for resertifisering etter utløp må være 0–24 måneder', 'Grace must be 0–24 months'));
  if (!intIn(input.surveillanceAuditsPerYear, 0, 12)) out.push(issue(p('surveillanceAuditsPerYear'), 'Antall revisjoner per år må være 0–12', 'Surveillance audits per year must be 0–12'));
  if (typeof input.countsForCoverage !== 'boolean') out.push(issue(p('countsForCoverage'), 'Oppgi om ordningen teller som miljøledelse (ja/nei)', 'State whether the scheme counts as environmental management (true/false)'));
  if (!Array.isArray(input.holders) || input.holders.length === 0 || input.holders.some((h) => !HOLDERS.includes(h as HolderKind))) out.push(issue(p('holders'), 'Innehavere må være «unit» og/eller «organisation»', 'Holders must be "unit" and/or "organisation"'));
  const r = input.annualReport;
  if (r !== null && r !== undefined) {
    if (!isObj(r) || !intIn(r.month, 1, 12) || !intIn(r.day, 1, 28)) out.push(issue(p('annualReport'), 'Frist for årsrapport må ha måned 1–12 og dag 1–28', 'The annual report deadline needs month 1–12 and day 1–28'));
  }
  if (input.url !== undefined && input.url !== null && (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url))) out.push(issue(p('url'), 'Nettadressen må begynne med http:// eller https://', 'The URL must start with http:// or https://'));
  return out;
}

/** Normalises a checked scheme definition (call validateScheme first). */
export function toScheme(input: Record<string, any>, builtIn: boolean): Scheme {
  return {
    key: input.key,
    name: { nb: input.name.nb.trim(), en: input.name.en.trim() },
    description: { nb: input.description?.nb ?? '', en: input.description?.en ?? '' },
    url: input.url ?? null,
    builtIn,
    validityMonths: input.validityMonths,
    graceMonths: input.graceMonths,
    annualReport: input.annualReport ? { month: input.annualReport.month, day: input.annualReport.day } : null,
    surveillanceAuditsPerYear: input.surveillanceAuditsPerYear,
    countsForCoverage: input.countsForCoverage,
    holders: [...input.holders],
  };
}

/** Parses the reference file of schemes: `{ schemes: [...] }`; throws with every problem listed. */
export function parseSchemes(json: unknown): Scheme[] {
  const list = isObj(json) ? json.schemes : undefined;
  if (!Array.isArray(list)) throw new Error('schemes: expected { "schemes": [...] }');
  const issues = list.flatMap((s, i) => validateScheme(s, `schemes[${i}]`));
  const keys = list.map((s) => (isObj(s) ? s.key : null));
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) issues.push(issue(`schemes[${i}].key`, `Nøkkelen ${String(k)} er brukt før`, `Duplicate key ${String(k)}`));
  });
  if (issues.length) throw new Error(`schemes: ${issues.map((x) => `${x.field}: ${x.messageEn}`).join('; ')}`);
  return list.map((s) => toScheme(s as Record<string, any>, true));
}
