// Parser for Brønnøysundregistrene's Enhetsregisteret JSON (HAL page responses and bulk arrays).
import { normaliseOrgNumber, orgNumberCheckDigit } from './orgnr.js';

/** A main unit (enhet) or sub-unit (underenhet) from Enhetsregisteret, normalised. */
export interface BrregEntity {
  orgNumber: string;
  name: string;
  orgForm: string | null;
  industryCode: string | null;
  industryText: string | null;
  employees: number | null;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  municipalityNumber: string | null;
  website: string | null;
  parentOrgNumber: string | null;
  registeredDate: string | null;
  deleted: boolean;
  bankrupt: boolean;
}

/** A rejected entry: index in its array, JSON path to the offending value, and bilingual message. */
export interface BrregIssue {
  index: number;
  path: string;
  field: string;
  message: string;
  messageEn: string;
}

/** Which of the accepted document shapes was parsed. */
export type BrregKind = 'enheter' | 'underenheter' | 'bulk';

/** Result of parseBrregDocument. */
export interface BrregDocument {
  kind: BrregKind;
  entities: BrregEntity[];
  issues: BrregIssue[];
}

/** One entry of an /oppdateringer/enheter or /oppdateringer/underenheter feed. */
export interface BrregUpdate {
  updateId: number;
  timestamp: string;
  orgNumber: string;
  changeType: string;
}

/** Thrown when a document is not a page response, an empty page or a bulk array. */
export class BrregFormatError extends Error {
  override readonly name = 'BrregFormatError';
  /** Creates the error; `message` is Norwegian, `messageEn` English (as in BrregIssue). */
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const isoDate = (v: unknown): string | null => {
  const s = str(v);
  return s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
};

function orgNumberOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return normaliseOrgNumber(String(v));
  return typeof v === 'string' ? normaliseOrgNumber(v) : null;
}
const validOrg = (n: string | null): n is string => n !== null && orgNumberCheckDigit(n.slice(0, 8)) === Number(n[8]);

function toEntity(e: Obj, orgNumber: string, name: string): BrregEntity {
  const form = isObj(e.organisasjonsform) ? e.organisasjonsform : {};
  const nace = isObj(e.naeringskode1) ? e.naeringskode1 : {};
  const addr = [e.forretningsadresse, e.beliggenhetsadresse, e.postadresse].find(isObj) ?? {};
  const lines = Array.isArray(addr.adresse) ? addr.adresse.map(str).filter((l) => l !== null) : [];
  const n = e.antallAnsatte;
  const parent = orgNumberOf(e.overordnetEnhet);
  return {
    orgNumber,
    name,
    orgForm: str(form.kode),
    industryCode: str(nace.kode),
    industryText: str(nace.beskrivelse),
    employees:
      e.harRegistrertAntallAnsatte !== false && typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null,
    address: lines.length > 0 ? lines.join(', ') : null,
    postalCode: str(addr.postnummer),
    place: str(addr.poststed),
    municipalityNumber: str(addr.kommunenummer),
    website: str(e.hjemmeside),
    parentOrgNumber: validOrg(parent) ? parent : null,
    registeredDate: isoDate(e.registreringsdatoEnhetsregisteret),
    deleted: str(e.slettedato) !== null,
    bankrupt: e.konkurs === true,
  };
}

function parseEntries(list: unknown[], base: string): { entities: BrregEntity[]; issues: BrregIssue[] } {
  const entities: BrregEntity[] = [];
  const issues: BrregIssue[] = [];
  list.forEach((e, index) => {
    const at = `${base}[${index}]`;
    const issue = (field: string, message: string, messageEn: string) =>
      issues.push({ index, path: field === '' ? at : `${at}.${field}`, field, message, messageEn });
    if (!isObj(e)) {
      issue('', 'Oppføringen er ikke et JSON-objekt', 'Entry is not a JSON object');
      return;
    }
    const raw = e.organisasjonsnummer;
    const orgNumber = orgNumberOf(raw);
    const shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    if (raw === undefined || raw === null || shown.trim() === '') {
      issue('organisasjonsnummer', 'Mangler organisasjonsnummer', 'Missing organisation number');
    } else if (orgNumber === null) {
      issue('organisasjonsnummer', `Organisasjonsnummeret «${shown}» har ikke 9 siffer`, `Organisation number "${shown}" is not 9 digits`);
    } else if (!validOrg(orgNumber)) {
      issue('organisasjonsnummer', `Organisasjonsnummeret ${orgNumber} har feil kontrollsiffer (MOD11)`, `Organisation number ${orgNumber} fails the MOD11 check digit`);
    }
    const name = str(e.navn);
    if (name === null) issue('navn', 'Mangler navn', 'Missing name');
    if (validOrg(orgNumber) && name !== null) entities.push(toEntity(e, orgNumber, name));
  });
  return { entities, issues };
}

/** Parses an enheter/underenheter page response, an empty page, or a bulk array; throws BrregFormatError for anything else. */
export function parseBrregDocument(json: unknown): BrregDocument {
  if (Array.isArray(json)) return { kind: 'bulk', ...parseEntries(json, '$') };
  if (!isObj(json)) throw new BrregFormatError('Dokumentet er verken en side eller en liste fra Enhetsregisteret', 'Document is neither a page nor an array from Enhetsregisteret');
  const emb = json._embedded;
  if (emb === undefined) {
    if (!isObj(json.page) && !isObj(json._links)) throw new BrregFormatError('Dokumentet mangler _embedded og page', 'Document has neither _embedded nor page');
    const links = isObj(json._links) && isObj(json._links.self) ? json._links.self : {};
    const href = typeof links.href === 'string' ? links.href : '';
    return { kind: /\/underenheter\b/.test(href) ? 'underenheter' : 'enheter', entities: [], issues: [] };
  }
  if (isObj(emb)) {
    for (const kind of ['enheter', 'underenheter'] as const) {
      const list = emb[kind];
      if (Array.isArray(list)) return { kind, ...parseEntries(list, `$._embedded.${kind}`) };
    }
    if (Array.isArray(emb.oppdaterteEnheter) || Array.isArray(emb.oppdaterteUnderenheter)) {
      throw new BrregFormatError('Dokumentet er en oppdateringsstrøm; bruk parseBrregUpdates', 'Document is an update feed; use parseBrregUpdates');
    }
  }
  throw new BrregFormatError('_embedded inneholder verken enheter eller underenheter', '_embedded holds neither enheter nor underenheter');
}

/** Parses an /oppdateringer feed page (or an empty page); entries without a valid org number, id, date or type are skipped. */
export function parseBrregUpdates(json: unknown): BrregUpdate[] {
  const notFeed = () => new BrregFormatError('Dokumentet er ikke en oppdateringsstrøm', 'Document is not an update feed');
  if (!isObj(json)) throw notFeed();
  const emb = json._embedded;
  if (emb === undefined && (isObj(json.page) || isObj(json._links))) return [];
  const list = isObj(emb) ? (emb.oppdaterteEnheter ?? emb.oppdaterteUnderenheter) : undefined;
  if (!Array.isArray(list)) throw notFeed();
  return list.flatMap((u): BrregUpdate[] => {
    if (!isObj(u)) return [];
    const orgNumber = orgNumberOf(u.organisasjonsnummer);
    const updateId = u.oppdateringsid;
    const timestamp = str(u.dato);
    const changeType = str(u.endringstype);
    if (!validOrg(orgNumber) || typeof updateId !== 'number' || timestamp === null || changeType === null) return [];
    return [{ updateId, timestamp, orgNumber, changeType }];
  });
}

/** Keeps entities whose municipalityNumber is one of the given municipality numbers (e.g. old and new numbers of a merged kommune). */
export function filterByMunicipality<T extends { municipalityNumber: string | null }>(entities: readonly T[], numbers: readonly string[]): T[] {
  const wanted = new Set(numbers.map((n) => n.trim()));
  return entities.filter((e) => e.municipalityNumber !== null && wanted.has(e.municipalityNumber));
}
