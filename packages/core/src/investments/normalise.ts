// Company names as custodians, index providers and exclusion lists write them differ in case,
// diacritics, punctuation, legal form and share-class tails. Normalising them to the same
// tokens is what lets a holdings report be screened against a list that has no ISINs.

/** Letters that Unicode decomposition does not fold to ASCII. */
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h' };

/** Legal forms in many languages, as normalised tokens (dots removed, lower case). Stripped from the end and start. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  // English-speaking
  'inc', 'incorporated', 'corp', 'corporation', 'company', 'co', 'cos', 'companies', 'ltd', 'limited', 'llc', 'lp', 'llp', 'plc', 'lc', 'pte', 'pty',
  // Nordic
  'asa', 'as', 'ab', 'publ', 'oyj', 'oy', 'aps', 'hf', 'ohf', 'sf',
  // German, Dutch, Swiss, Austrian
  'ag', 'aktiengesellschaft', 'gesellschaft', 'gmbh', 'kgaa', 'kg', 'se', 'nv', 'bv', 'naamloze', 'vennootschap',
  // Romance languages and Latin America
  'sa', 'spa', 'sas', 'sarl', 'srl', 'sab', 'cv', 'saa', 'saic', 'sca', 'scpa', 'sae', 'lda', 'sl', 'sapi', 'de',
  // Eastern Europe, Russia, Turkey, Greece
  'pjsc', 'pao', 'oao', 'ojsc', 'jsc', 'ao', 'zao', 'cjsc', 'pjs', 'tas', 'as', 'dd', 'ad', 'sp', 'zoo', 'akcyjna', 'spolka',
  // Asia, Middle East, Africa
  'sociedad', 'anonima', 'societe', 'anonyme', 'aktiebolag', 'aksjeselskap', 'allmennaksjeselskap', 'aktieselskab', 'aktieselskap', 'osakeyhtio', 'julkinen', 'societa', 'azioni',
  'kk', 'kabushiki', 'kaisha', 'tbk', 'pt', 'bhd', 'berhad', 'sdn', 'pcl', 'public', 'psc', 'qpsc', 'qsc', 'saog', 'bsc', 'ksc', 'kscp', 'nl',
]);

/** Words that say which security or share class, not which company. */
const SECURITY_WORDS: ReadonlySet<string> = new Set([
  'ord', 'ords', 'ordinary', 'shs', 'share', 'shares', 'sh', 'adr', 'adrs', 'ads', 'gdr', 'gdrs', 'spon', 'sponsored', 'unsponsored', 'reg', 'regd', 'registered',
  'genusschein', 'genussscheine', 'inhaber', 'namen', 'vz', 'pc', 'bearer', 'pref', 'pfd', 'preferred', 'npv', 'common', 'stock', 'cl', 'class', 'ser', 'series', 'new', 'bearer', 'units', 'unit', 'rights', 'right', 'wts', 'vtg', 'non', 'nvdr', 'eo', 'dl',
]);

/** Generic words that say little about which company is meant (Holdings, Group …): kept as tokens but weighted low in matching. */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'group', 'grp', 'holding', 'international', 'global', 'industry', 'enterprise', 'worldwide', 'investment', 'ventures',
]);

/** Abbreviations used in custodian and terminal feeds, expanded to the word. */
const ABBREVIATION_TABLE: Record<string, string> = {
  intl: 'international', int: 'international', hldgs: 'holding', hldg: 'holding', hlds: 'holding', hdg: 'holding', hdgs: 'holding', hold: 'holding', holdings: 'holding',
  grp: 'group', mfg: 'manufacturing', ind: 'industry', inds: 'industry', indus: 'industry', industries: 'industry', industrie: 'industry', industri: 'industry', industria: 'industry', industrias: 'industry', industrial: 'industrial', svcs: 'service', svc: 'service', services: 'service',
  tech: 'technology', techs: 'technology', technologies: 'technology', natl: 'national', nat: 'national', pwr: 'power', elec: 'electric', res: 'resource', resources: 'resource',
  dev: 'development', devt: 'development', invt: 'investment', inv: 'investment', investments: 'investment', sys: 'system', systems: 'system', chem: 'chemical', chemicals: 'chemical',
  pete: 'petroleum', petrol: 'petroleum', bk: 'bank', fin: 'financial', finl: 'financial', hlth: 'health', amer: 'american', mgmt: 'management', mgt: 'management',
  comm: 'communication', comms: 'communication', communications: 'communication', telecom: 'telecommunication', telecommunications: 'telecommunication',
  ent: 'enterprise', enterprises: 'enterprise', eng: 'engineering', engr: 'engineering', prod: 'product', prods: 'product', products: 'product', assoc: 'associated',
  bros: 'brother', brothers: 'brother', ctr: 'center', centre: 'center', mtr: 'motor', mtrs: 'motor', motors: 'motor', ptnrs: 'partner', partners: 'partner', eqt: 'equity',
  inter: 'international', mining: 'mining', min: 'mining', mng: 'mining', expl: 'exploration', explor: 'exploration', energ: 'energy', enrg: 'energy', gp: 'group', grupo: 'group', gruppe: 'group', groupe: 'group', gruppen: 'group',
  aerosp: 'aerospace', def: 'defence', defense: 'defence', sa_: 'sa', utils: 'utility', utilities: 'utility', oper: 'operating', ops: 'operation', operations: 'operation', transp: 'transport', transn: 'transportation',
  '&': 'and', und: 'and', og: 'and', och: 'and', et: 'and', y: 'and', e: 'and',
};

// A Map, not the object: no prototype keys ("constructor"), and faster look-ups of arbitrary words.
const ABBREVIATIONS = new Map(Object.entries(ABBREVIATION_TABLE));

/** Abbreviations with more than one reading; the matcher accepts any of them. */
const AMBIGUOUS_TABLE: Record<string, readonly string[]> = {
  gen: ['general', 'generation', 'generating'],
  cons: ['consolidated', 'construction', 'consumer'],
  const: ['construction', 'constructora'],
  con: ['consolidated', 'construction', 'consumer'],
  ele: ['electric', 'electronic', 'electrical'],
  electr: ['electric', 'electronic', 'electrical', 'electricity'],
  pharm: ['pharmaceutical', 'pharma'],
  pharma: ['pharmaceutical'],
  ins: ['insurance'],
  transp: ['transport', 'transportation'],
};

export const AMBIGUOUS_ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(AMBIGUOUS_TABLE));

/** Markers that introduce a former or alternative name inside a list entry. */
const ALIAS_MARKERS = /\b(?:formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|f\/k\/a|fka|a\/k\/a|aka|also\s+known\s+as|former(?:ly)?\s+name|tidligere(?:\s+kjent\s+som)?|tidl\.|ehemals|ehemalige|anciennement|ex\.?|now|renamed(?:\s+to)?|name\s+changed\s+to)\b/i;

/** Folds case and Unicode to lower-case ASCII letters and digits (diacritics removed, ø→o, æ→ae, ß→ss). */
export function foldName(s: string): string {
  // Most names are plain ASCII: Unicode decomposition is the costly part, so skip it then.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßłđðþıŀħ]/g, (c) => FOLD[c] ?? c);
}

const LEADING_FORMS = new Set(['the', 'ab', 'pt', 'pjsc', 'pao', 'oao', 'ojsc', 'jsc', 'zao', 'cjsc']);

/** Splits a raw name into tokens: folded, dotted abbreviations joined (S.p.A. → spa), punctuation to spaces, A/S → as. */
export function rawTokens(name: string): string[] {
  let s = foldName(name);
  // Each rewrite runs only when its trigger character or word is there: names are screened by the hundred thousand.
  if (s.includes('joint')) s = s.replace(/^\s*(?:public\s+|open\s+|closed\s+)?joint[\s-]+stock\s+company\b/, ' ');
  if (s.includes('/')) {
    s = s.replace(/\ba\s*\/\s*s\b/g, ' as ').replace(/\bs\s*\/\s*a\b/g, ' sa ');
    // Terminal-style tails: "/The", "/DE/", "/NEW/" after a name.
    s = s.replace(/\/\s*(?:the|de|new|old|fi|nv|ny|ca|md|pa|tx|oh|wi|mn|ma|nj|il|va|ga|mi|in|wa|co|ct|nc|sc|tn|ky|la|ok|ia|ks|ne|nm|nv|az|ut|or|al|ms|mo|ar)\s*\/?/g, ' ');
  }
  // Share-class tails: "-CL A", "-CLASS B", "-H", "-A", "-B SHS", "- SER A".
  if (s.includes('-')) s = s.replace(/\s*-\s*(?:cl(?:s|ass)?\.?\s*|ser(?:ies)?\.?\s*)?[a-z]\b(?:\s+(?:shs|shares|share))?\s*$/g, ' ');
  if (s.includes('cl') || s.includes('ser')) s = s.replace(/\b(?:cl(?:s|ass)?|ser(?:ies)?)\.?\s+[a-z]\b/g, ' ');
  if (s.includes('sh')) s = s.replace(/\b[a-h]\s+(?:shares|shs|share)\b/g, ' ');
  // Dotted abbreviations: S.A. → sa, p.l.c. → plc, S.p.A. → spa, N.V. → nv.
  if (s.includes('.')) {
    s = s.replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1').replace(/\b([a-z]{1,2})\.(?=[a-z]\.)/g, '$1');
    s = s.replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1');
  }
  if (s.includes('&')) s = s.replace(/&/g, ' and ');
  if (/['’`´]/.test(s)) s = s.replace(/['’`´]/g, '');
  const out: string[] = [];
  for (const t of s.split(/[^a-z0-9]+/)) if (t) out.push(t);
  return out;
}

/** Turns a token into its canonical form: abbreviations expanded, simple plurals made singular. */
export function canonicalToken(t: string): string {
  const a = ABBREVIATIONS.get(t);
  if (a) return a;
  const n = t.length;
  if (n > 4 && t.charCodeAt(n - 1) === 115 /* s */) {
    if (t.endsWith('ies')) return t.slice(0, -3) + 'y';
    // Only after a consonant or e: "Systems", "Resources", but not "Surgutneftegas", "Leidos", "Petroleos".
    const before = t[n - 2]!;
    if (before !== 'a' && before !== 'i' && before !== 'o' && before !== 's' && before !== 'u') return t.slice(0, -1);
  }
  return t;
}

/** German transliteration folded away ("muenchener" = "munchener"), for comparing tokens, not for keys. */
export function squashUmlauts(t: string): string {
  return t.indexOf('e') > 0 && /[aou]e/.test(t) ? t.replace(/([aou])e/g, '$1') : t;
}

/** A normalised name: its tokens and two keys for exact look-up. */
export interface NormalisedName {
  tokens: string[];
  /** Tokens joined by one space. */
  key: string;
  /** Tokens joined without spaces ("exxonmobil" for both "Exxon Mobil" and "ExxonMobil"). */
  compact: string;
}

/** Par values and currencies in security descriptions: "NOK6", "25P", "USD0.01" (dots are gone by now). */
const PAR_VALUE = /^(?:nok|usd|eur|gbp|sek|dkk|chf|jpy|cad|aud|hkd|isk)\d+$|^\d+p$/;

function strip(tokens: string[]): string[] {
  const t = tokens.filter((x) => !SECURITY_WORDS.has(x) && !(/\d/.test(x) && PAR_VALUE.test(x)));
  let end = t.length;
  // Legal forms and weak trailing words come off the end, but a name is never stripped to nothing.
  while (end > 1 && (LEGAL_FORMS.has(t[end - 1]!) || t[end - 1] === 'and' || t[end - 1] === 'the')) end--;
  let start = 0;
  while (start < end - 1 && LEADING_FORMS.has(t[start]!)) start++;
  // Legal forms in the middle of a name ("Petroleo Brasileiro S.A. - Petrobras", "Co Ltd-H ORD").
  return t.slice(start, end).filter((x, i, arr) => !(i > 0 && i < arr.length - 1 && LEGAL_FORMS.has(x) && x !== 'de' && x !== 'public'));
}

/** Normalises a company name (case, Unicode, punctuation, legal forms, share classes, abbreviations, plurals). */
export function normaliseName(name: string): NormalisedName {
  const tokens = strip(rawTokens(name).map(canonicalToken));
  const key = tokens.join(' ');
  return { tokens, key, compact: tokens.join('') };
}

/**
 * The names an entry goes by: the name itself without parenthesised or "formerly …" parts,
 * every former or alternative name, and parenthesised short names ("Petróleo Brasileiro (Petrobras)").
 */
export function nameVariants(name: string, aliases: readonly string[] = []): string[] {
  return normalisedVariants(name, aliases).map((v) => v.text);
}

/** The names an entry goes by (see nameVariants), each with its normalised form, computed once. */
export function normalisedVariants(name: string, aliases: readonly string[] = []): { text: string; norm: NormalisedName }[] {
  // Most names have no parenthesis, no former name and no aliases.
  if (!aliases.length && !/[([]/.test(name) && !ALIAS_MARKERS.test(name)) return [{ text: name, norm: normaliseName(name) }];
  const out: { text: string; norm: NormalisedName }[] = [];
  const keys = new Set<string>();
  const push = (s: string) => {
    const t = s.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim();
    const norm = normaliseName(t);
    if (t && norm.key && !keys.has(norm.key)) {
      keys.add(norm.key);
      out.push({ text: t, norm });
    }
  };
  let main = name;
  // Parenthesised or bracketed parts: either an alias marker ("(formerly X)") or a short name.
  const parens: string[] = [];
  main = main.replace(/[([]([^)\]]*)[)\]]/g, (_m, inner: string) => {
    parens.push(inner);
    return ' ';
  });
  const m = ALIAS_MARKERS.exec(main);
  const formerly: string[] = [];
  if (m && m.index > 0) {
    formerly.push(...main.slice(m.index + m[0].length).split(/[;,]|\band\b|\bog\b/));
    main = main.slice(0, m.index);
  }
  push(main);
  for (const a of formerly) push(a);
  // The name with its parenthesised short name inline, as custodians often write it.
  if (parens.length && !m && !parens.some((p) => ALIAS_MARKERS.test(p))) push(name.replace(/[()[\]]/g, ' ').replace(/\s+/g, ' '));
  for (const p of parens) {
    const pm = ALIAS_MARKERS.exec(p);
    const text = pm ? p.slice(pm.index + pm[0].length) : p;
    for (const a of text.split(/[;,]/)) {
      const n = normaliseName(a);
      // A parenthesis of legal form, share class or country only ("(publ)", "(ADR)") is no alias.
      if (n.tokens.length && !n.tokens.every((x) => LEGAL_FORMS.has(x) || x.length <= 2)) push(a);
    }
  }
  for (const a of aliases) push(a);
  return out.length ? out : [{ text: name, norm: normaliseName(name) }];
}
