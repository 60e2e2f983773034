import { COVERED_STATUSES, organisationStatus, parseIsoOrNorwegianDate, type CertStatus } from '@omstilling/core';
import { AppError, type ErrorDetail } from '../platform/errors.js';
import { actorLabel, nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository, type OrganisationRow } from '../organisations/organisations.repository.js';
import { certificationRepository } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import { BUSINESS_KINDS, factsOf, schemesOf, today, type CertificationDeps } from './certification.service.js';

export const CONTACT_CHANNELS = ['phone', 'email', 'meeting', 'letter', 'event'] as const;
export const CONTACT_OUTCOMES = ['interested', 'not_interested', 'follow_up', 'started'] as const;

/** Size classes by employees (the usual SSB bands). */
export const SIZE_CLASSES = {
  micro: [0, 9],
  small: [10, 49],
  medium: [50, 249],
  large: [250, Number.MAX_SAFE_INTEGER],
} as const;
export type SizeClass = keyof typeof SIZE_CLASSES;

/** Local businesses (B1): the business kinds, registered in the municipality (or with no municipality number). */
export async function localBusinesses(ctx: Ctx): Promise<OrganisationRow[]> {
  const repo = certificationRepository(ctx.scope);
  const numbers = await repo.municipalityNumbers();
  const all = await repo.allOrganisations();
  return all.filter((o) => (BUSINESS_KINDS as readonly string[]).includes(o.kind) && (o.municipality_number === null || numbers.includes(o.municipality_number)));
}

export interface BusinessCoverage {
  date: string;
  businesses: number;
  certified: number;
  share: number | null;
  employees: number;
  employeesCovered: number;
  employeeShare: number | null;
  pending: number;
}

/** How many local businesses hold a valid certificate of a scheme that counts, and what share of their employees. */
export async function businessCoverage(ctx: Ctx, deps: CertificationDeps, date: string): Promise<BusinessCoverage> {
  const orgs = await localBusinesses(ctx);
  const certs = (await certificationRepository(ctx.scope).organisationCertificates()).map(factsOf);
  const schemes = new Map((await schemesOf(ctx, deps.reference)).map((s) => [s.key, s]));
  let certified = 0;
  let employees = 0;
  let employeesCovered = 0;
  for (const o of orgs) {
    const e = o.employees ?? 0;
    employees += e;
    if (COVERED_STATUSES.includes(organisationStatus(o.id, certs, schemes, date))) {
      certified++;
      employeesCovered += e;
    }
  }
  const pending = certs.filter((c) => c.verification === 'pending').length;
  return { date, businesses: orgs.length, certified, share: orgs.length ? certified / orgs.length : null, employees, employeesCovered, employeeShare: employees ? employeesCovered / employees : null, pending };
}

export interface OutreachQuery {
  industry?: string;
  size?: SizeClass;
  minEmployees?: number;
  maxEmployees?: number;
  q?: string;
  contacted?: 'yes' | 'no';
  date?: string;
}

export interface OutreachRowView {
  organisationId: string;
  orgNumber: string;
  name: string;
  kind: string;
  industryCode: string | null;
  industryName: string | null;
  employees: number | null;
  place: string | null;
  status: CertStatus;
  contacts: number;
  lastContact: { date: string; channel: string; outcome: string; note: string | null; by: string } | null;
}

/**
 * The campaign list: local businesses without a valid certificate on the date, filtered by SN2007 code
 * prefix and size, with the contacts made so far. Largest first, since they move the employee share most.
 */
export async function outreachList(ctx: Ctx, deps: CertificationDeps & { industryNames?: ReadonlyMap<string, string> }, query: OutreachQuery): Promise<{ date: string; rows: OutreachRowView[] }> {
  if (!policy.outreach(ctx.actor)) throw AppError.forbidden();
  const date = query.date ?? today(ctx);
  const certs = (await certificationRepository(ctx.scope).organisationCertificates()).map(factsOf);
  const schemes = new Map((await schemesOf(ctx, deps.reference)).map((s) => [s.key, s]));
  const [lo, hi] = query.size ? SIZE_CLASSES[query.size] : [query.minEmployees ?? 0, query.maxEmployees ?? Number.MAX_SAFE_INTEGER];
  const q = query.q?.trim().toLocaleLowerCase('nb');
  const orgs = (await localBusinesses(ctx)).filter((o) => {
    if (query.industry && !(o.industry_code ?? '').startsWith(query.industry)) return false;
    const e = o.employees ?? 0;
    if (e < lo || e > hi) return false;
    if (q && !o.name.toLocaleLowerCase('nb').includes(q) && !o.org_number.includes(q.replace(/\s/g, '')) && !(o.place ?? '').toLocaleLowerCase('nb').includes(q)) return false;
    return true;
  });
  const contacts = await certificationRepository(ctx.scope).outreachContacts(orgs.map((o) => o.id));
  const rows: OutreachRowView[] = [];
  for (const o of orgs) {
    const status = organisationStatus(o.id, certs, schemes, date);
    if (COVERED_STATUSES.includes(status)) continue;
    const mine = contacts.filter((c) => c.organisation_id === o.id);
    if (query.contacted === 'yes' && !mine.length) continue;
    if (query.contacted === 'no' && mine.length) continue;
    const last = mine[0];
    rows.push({
      organisationId: o.id,
      orgNumber: o.org_number,
      name: o.name,
      kind: o.kind,
      industryCode: o.industry_code,
      industryName: o.industry_code ? (deps.industryNames?.get(o.industry_code) ?? null) : null,
      employees: o.employees,
      place: o.place,
      status,
      contacts: mine.length,
      lastContact: last ? { date: last.date, channel: last.channel, outcome: last.outcome, note: last.note, by: last.by_label } : null,
    });
  }
  rows.sort((a, b) => (b.employees ?? 0) - (a.employees ?? 0) || a.name.localeCompare(b.name, 'nb'));
  return { date, rows };
}

export interface ContactInput {
  organisationId: string;
  date: string;
  channel: string;
  outcome: string;
  note?: string | null;
}

/** Logs a contact made with a business about certification. */
export async function logContact(ctx: Ctx, input: ContactInput): Promise<{ id: string; organisationId: string; date: string; channel: string; outcome: string; note: string | null; by: string }> {
  if (!policy.outreach(ctx.actor)) throw AppError.forbidden();
  const d: ErrorDetail[] = [];
  if (!(await organisationsRepository(ctx.scope).organisationById(input.organisationId))) d.push({ field: 'organisationId', message: 'Virksomheten finnes ikke' });
  const date = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? parseIsoOrNorwegianDate(input.date) : null;
  if (!date) d.push({ field: 'date', message: `Ugyldig dato: ${input.date}` });
  else if (date > today(ctx)) d.push({ field: 'date', message: 'Datoen kan ikke være fram i tid' });
  if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel)) d.push({ field: 'channel', message: 'Velg telefon, e-post, møte, brev eller arrangement' });
  if (!(CONTACT_OUTCOMES as readonly string[]).includes(input.outcome)) d.push({ field: 'outcome', message: 'Velg et utfall' });
  if ((input.note?.length ?? 0) > 2000) d.push({ field: 'note', message: 'Høyst 2000 tegn' });
  if (d.length) throw AppError.validation('Kontakten kunne ikke lagres', d);
  return ctx.scope.transaction(async (scope) => {
    const row = { id: newId(), organisation_id: input.organisationId, date: date!, channel: input.channel, outcome: input.outcome, note: input.note?.trim() || null, by_label: actorLabel(ctx.actor), created_at: nowIso(ctx) };
    await certificationRepository(scope).insertOutreach(row);
    await recordAudit({ ...ctx, scope }, { action: 'create', entityType: 'cert_outreach', entityId: row.id, summary: `Kontakt om miljøsertifisering logget (${row.channel})`, after: row });
    return { id: row.id, organisationId: row.organisation_id, date: row.date, channel: row.channel, outcome: row.outcome, note: row.note, by: row.by_label };
  });
}
