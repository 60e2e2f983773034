// Classification of local employment into oil-and-gas related, green and other jobs, by a
// documented rule set: SN2007 code prefixes (the longest matching prefix wins) and environmental
// certification. Pure: the caller supplies establishments, rules and who is certified.

/** The three classes every job lands in. */
export type JobClass = 'oil_gas' | 'green' | 'other';
export const JOB_CLASSES: readonly JobClass[] = ['oil_gas', 'green', 'other'];

/** A bilingual text. */
export interface EconText {
  nb: string;
  en: string;
}

/** One classification rule. `share` < 1 marks a partial rule: only that share of the jobs is counted in the class. */
export interface ClassRule {
  id: string;
  /** `code`: by SN2007 prefix; `certification`: a certified establishment's remaining jobs count as green. */
  basis: 'code' | 'certification';
  /** SN2007 prefix such as `06`, `09.1`, `71.12` or `30.113` (basis code only). */
  prefix?: string;
  /** Certification rules do not apply to establishments under these prefixes. */
  exceptPrefixes?: string[];
  class: 'oil_gas' | 'green';
  share: number;
  rationale: EconText;
  /** Why the code alone is uncertain; required when share < 1. */
  caveat: EconText | null;
  /** Keys into the rule set's sources. */
  sources: string[];
}

/** A source a rule cites. */
export interface RuleSource {
  title: string;
  publisher: string;
  url: string | null;
  note?: string;
}

/** A versioned rule set: it classifies snapshots dated on or after validFrom (until the next version). */
export interface RuleSet {
  validFrom: string;
  note: EconText | null;
  rules: ClassRule[];
  sources: Record<string, RuleSource>;
}

/** An establishment as the classifier sees it. */
export interface EstablishmentFacts {
  industryCode: string | null;
  employees: number;
  certified: boolean;
}

/** How one establishment's jobs were split, and by which rules. */
export interface Classification {
  oil_gas: number;
  green: number;
  other: number;
  /** The code rule that matched, or null. */
  codeRuleId: string | null;
  /** The certification rule that moved jobs to green, or null. */
  certificationRuleId: string | null;
  /** The class of most of the jobs (ties: oil_gas, green, other). */
  main: JobClass;
  /** True when a partial rule or a rule with a caveat decided it. */
  uncertain: boolean;
}

/** A problem with a rule set: JSON path-like field and Norwegian/English message. */
export interface RuleIssue {
  field: string;
  message: string;
  messageEn: string;
}

const PREFIX = /^\d{2}(\.\d{1,3})?$/;

/** The digits of an SN2007 code or prefix (`71.129` → `71129`), or null when it is not one. */
export function codeDigits(code: string | null | undefined): string | null {
  if (!code) return null;
  const t = code.trim();
  if (!/^\d{2}(\.\d{1,3})?$/.test(t)) return null;
  return t.replace('.', '');
}

/** The code rule with the longest prefix matching the code, or null. */
export function matchCodeRule(code: string | null, rules: readonly ClassRule[]): ClassRule | null {
  const digits = codeDigits(code);
  if (digits === null) return null;
  let best: ClassRule | null = null;
  let bestLen = -1;
  for (const r of rules) {
    if (r.basis !== 'code' || !r.prefix) continue;
    const p = codeDigits(r.prefix);
    if (p !== null && digits.startsWith(p) && p.length > bestLen) {
      best = r;
      bestLen = p.length;
    }
  }
  return best;
}

/**
 * Splits an establishment's jobs into whole jobs per class: the code rule puts round(jobs × share)
 * in its class; if the establishment is certified and a certification rule applies, that rule's share
 * of the remaining jobs moves to green. Every job lands in exactly one class.
 */
export function classifyEstablishment(e: EstablishmentFacts, rules: readonly ClassRule[]): Classification {
  const jobs = Math.max(0, Math.floor(e.employees));
  const out = { oil_gas: 0, green: 0, other: jobs };
  const code = matchCodeRule(e.industryCode, rules);
  let uncertain = false;
  if (code) {
    const n = Math.min(jobs, Math.round(jobs * clampShare(code.share)));
    out[code.class] += n;
    out.other -= n;
    uncertain = code.share < 1 || code.caveat !== null;
  }
  let certRule: ClassRule | null = null;
  let moved = 0;
  if (e.certified) {
    const digits = codeDigits(e.industryCode);
    certRule =
      rules.find((r) => r.basis === 'certification' && !(r.exceptPrefixes ?? []).some((p) => digits !== null && codeDigits(p) !== null && digits.startsWith(codeDigits(p)!))) ?? null;
    if (certRule) {
      moved = Math.min(out.other, Math.round(out.other * clampShare(certRule.share)));
      out.green += moved;
      out.other -= moved;
    }
  }
  const main: JobClass = jobs === 0 ? (code?.class ?? (certRule ? 'green' : 'other')) : JOB_CLASSES.reduce((a, b) => (out[b] > out[a] ? b : a), 'oil_gas' as JobClass);
  return { ...out, codeRuleId: code?.id ?? null, certificationRuleId: certRule && (moved > 0 || (jobs === 0 && !code)) ? certRule.id : null, main, uncertain };
}

const clampShare = (s: number) => (Number.isFinite(s) ? Math.min(1, Math.max(0, s)) : 0);

/** Jobs per class over many establishments. */
export function tallyJobs(cs: readonly Pick<Classification, JobClass>[]): Record<JobClass, number> & { total: number } {
  const t = { oil_gas: 0, green: 0, other: 0, total: 0 };
  for (const c of cs) {
    t.oil_gas += c.oil_gas;
    t.green += c.green;
    t.other += c.other;
  }
  t.total = t.oil_gas + t.green + t.other;
  return t;
}

/** The rule set in force on a date: the newest version with validFrom on or before it (versions in any order). */
export function ruleSetOn<T extends { validFrom: string }>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  return best;
}

const isText = (v: unknown): v is EconText => typeof v === 'object' && v !== null && typeof (v as EconText).nb === 'string' && typeof (v as EconText).en === 'string' && (v as EconText).nb.trim() !== '' && (v as EconText).en.trim() !== '';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks and normalises a rule set (from the reference file or an editor); issues name the field in Norwegian and English. */
export function parseRuleSet(input: unknown): { ruleSet: RuleSet | null; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const issue = (field: string, message: string, messageEn: string) => issues.push({ field, message, messageEn });
  if (!isObj(input)) return { ruleSet: null, issues: [{ field: '', message: 'Regelsettet er ikke et JSON-objekt', messageEn: 'The rule set is not a JSON object' }] };
  const validFrom = typeof input.validFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.validFrom) ? input.validFrom : null;
  if (!validFrom) issue('validFrom', 'Gyldig fra må være en dato (åååå-mm-dd)', 'Valid from must be a date (yyyy-mm-dd)');
  const sources: Record<string, RuleSource> = {};
  if (input.sources !== undefined && !isObj(input.sources)) issue('sources', 'Kildene må være et objekt', 'Sources must be an object');
  for (const [k, s] of Object.entries(isObj(input.sources) ? input.sources : {})) {
    if (!isObj(s) || typeof s.title !== 'string' || typeof s.publisher !== 'string') {
      issue(`sources.${k}`, `Kilden «${k}» mangler tittel eller utgiver`, `Source "${k}" lacks a title or publisher`);
      continue;
    }
    sources[k] = { title: s.title, publisher: s.publisher, url: typeof s.url === 'string' ? s.url : null, ...(typeof s.note === 'string' ? { note: s.note } : {}) };
  }
  const rawRules = Array.isArray(input.rules) ? input.rules : null;
  if (!rawRules) issue('rules', 'Regelsettet mangler regler', 'The rule set has no rules');
  const rules: ClassRule[] = [];
  const ids = new Set<string>();
  const prefixes = new Set<string>();
  (rawRules ?? []).forEach((r, i) => {
    const at = `rules[${i}]`;
    const before = issues.length;
    if (!isObj(r)) {
      issue(at, `Regel ${i + 1} er ikke et objekt`, `Rule ${i + 1} is not an object`);
      return;
    }
    const id = typeof r.id === 'string' ? r.id.trim() : '';
    const label = id || String(i + 1);
    if (!/^[a-z0-9][a-z0-9._-]{0,59}$/.test(id)) issue(`${at}.id`, `Regel ${label}: id må være små bokstaver, tall, punktum eller bindestrek`, `Rule ${label}: id must be lower-case letters, digits, dot or hyphen`);
    else if (ids.has(id)) issue(`${at}.id`, `Regel ${id} finnes to ganger`, `Rule ${id} appears twice`);
    ids.add(id);
    const basis = r.basis;
    if (basis !== 'code' && basis !== 'certification') issue(`${at}.basis`, `Regel ${label}: grunnlag må være «code» eller «certification»`, `Rule ${label}: basis must be "code" or "certification"`);
    const cls = r.class;
    if (cls !== 'oil_gas' && cls !== 'green') issue(`${at}.class`, `Regel ${label}: klassen må være «oil_gas» eller «green»`, `Rule ${label}: class must be "oil_gas" or "green"`);
    if (basis === 'certification' && cls === 'oil_gas') issue(`${at}.class`, `Regel ${label}: sertifisering kan bare gjøre arbeidsplasser grønne`, `Rule ${label}: certification can only make jobs green`);
    const prefix = typeof r.prefix === 'string' ? r.prefix.trim() : '';
    if (basis === 'code') {
      if (!PREFIX.test(prefix)) issue(`${at}.prefix`, `Regel ${label}: næringskoden «${prefix}» er ikke en SN2007-kode (f.eks. 06, 09.1 eller 71.129)`, `Rule ${label}: "${prefix}" is not an SN2007 code (e.g. 06, 09.1 or 71.129)`);
      else if (prefixes.has(codeDigits(prefix)!)) issue(`${at}.prefix`, `Regel ${label}: næringskoden ${prefix} har allerede en regel`, `Rule ${label}: code ${prefix} already has a rule`);
      else prefixes.add(codeDigits(prefix)!);
    }
    const except = Array.isArray(r.exceptPrefixes) ? r.exceptPrefixes.filter((p): p is string => typeof p === 'string').map((p) => p.trim()) : [];
    for (const p of except) if (!PREFIX.test(p)) issue(`${at}.exceptPrefixes`, `Regel ${label}: unntaket «${p}» er ikke en SN2007-kode`, `Rule ${label}: exception "${p}" is not an SN2007 code`);
    const share = typeof r.share === 'number' ? r.share : Number.NaN;
    if (!(share > 0 && share <= 1)) issue(`${at}.share`, `Regel ${label}: andelen må være større enn 0 og høyst 1`, `Rule ${label}: share must be above 0 and at most 1`);
    if (!isText(r.rationale)) issue(`${at}.rationale`, `Regel ${label}: begrunnelse mangler (bokmål og engelsk)`, `Rule ${label}: rationale missing (Norwegian and English)`);
    const caveat = r.caveat === null || r.caveat === undefined ? null : isText(r.caveat) ? r.caveat : undefined;
    if (caveat === undefined) issue(`${at}.caveat`, `Regel ${label}: forbeholdet må ha tekst på bokmål og engelsk`, `Rule ${label}: the caveat needs Norwegian and English text`);
    if (share < 1 && caveat === null) issue(`${at}.caveat`, `Regel ${label}: en delvis regel (andel under 1) må ha et forbehold`, `Rule ${label}: a partial rule (share below 1) needs a caveat`);
    const srcs = Array.isArray(r.sources) ? r.sources.filter((s): s is string => typeof s === 'string') : [];
    for (const s of srcs) if (!sources[s]) issue(`${at}.sources`, `Regel ${label}: ukjent kilde «${s}»`, `Rule ${label}: unknown source "${s}"`);
    if (issues.length > before) return;
    rules.push({
      id,
      basis: basis as ClassRule['basis'],
      ...(basis === 'code' ? { prefix } : {}),
      ...(except.length ? { exceptPrefixes: except } : {}),
      class: cls as ClassRule['class'],
      share,
      rationale: { nb: (r.rationale as EconText).nb.trim(), en: (r.rationale as EconText).en.trim() },
      caveat: caveat ? { nb: caveat.nb.trim(), en: caveat.en.trim() } : null,
      sources: srcs,
    });
  });
  if (rules.filter((r) => r.basis === 'certification').length > 1) issue('rules', 'Bare én sertifiseringsregel er tillatt', 'Only one certification rule is allowed');
  const note = isText(input.note) ? input.note : null;
  if (issues.length || !validFrom) return { ruleSet: null, issues };
  return { ruleSet: { validFrom, note, rules, sources }, issues };
}
