import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type SchemeRow = Selectable<DB['cert_scheme']>;
export type CertificateRow = Selectable<DB['cert_certificate']>;
export type ReportRow = Selectable<DB['cert_report']>;
export type CourseRow = Selectable<DB['cert_course']>;
export type SessionRow = Selectable<DB['cert_session']>;
export type ParticipationRow = Selectable<DB['cert_participation']>;
export type OutreachRow = Selectable<DB['cert_outreach']>;
export type LocationRow = Selectable<DB['cert_unit_location']>;

/** A certificate with the units in its scope. */
export type CertificateWithScope = CertificateRow & { scope: string[] };

export interface EvidenceRow {
  certificate_id: string;
  file_id: string;
  filename: string;
  content_type: string;
  size: number;
  created_at: string;
}

type Omit2<T> = Omit<T, 'municipality_id'>;

/** All SQL of the certification domain, always through the tenant scope. */
export function certificationRepository(scope: TenantScope) {
  const withScope = async (rows: CertificateRow[]): Promise<CertificateWithScope[]> => {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const scopes = await scope.selectFrom('cert_certificate_scope').select(['certificate_id', 'unit_id']).where('certificate_id', 'in', ids).execute();
    const by = new Map<string, string[]>();
    for (const s of scopes) by.set(s.certificate_id, [...(by.get(s.certificate_id) ?? []), s.unit_id]);
    return rows.map((r) => ({ ...r, scope: (by.get(r.id) ?? []).sort() }));
  };
  return {
    // ---------- schemes ----------
    async customSchemes(): Promise<SchemeRow[]> {
      return scope.selectFrom('cert_scheme').selectAll().orderBy('key').execute();
    },
    async insertScheme(row: Omit2<SchemeRow>): Promise<void> {
      await scope.insertInto('cert_scheme', row).execute();
    },

    // ---------- certificates ----------
    async allCertificates(): Promise<CertificateWithScope[]> {
      return withScope(await scope.selectFrom('cert_certificate').selectAll().orderBy('issued_on').orderBy('created_at').orderBy('id').execute());
    },
    async unitCertificates(): Promise<CertificateWithScope[]> {
      return withScope(await scope.selectFrom('cert_certificate').selectAll().where('holder_unit_id', 'is not', null).orderBy('id').execute());
    },
    async organisationCertificates(organisationId?: string): Promise<CertificateWithScope[]> {
      let q = scope.selectFrom('cert_certificate').selectAll().where('organisation_id', 'is not', null);
      if (organisationId) q = q.where('organisation_id', '=', organisationId);
      return withScope(await q.orderBy('created_at').orderBy('id').execute());
    },
    async pendingCertificates(): Promise<CertificateWithScope[]> {
      return withScope(await scope.selectFrom('cert_certificate').selectAll().where('verification', '=', 'pending').orderBy('created_at').orderBy('id').execute());
    },
    async certificateById(id: string): Promise<CertificateWithScope | undefined> {
      const row = await scope.selectFrom('cert_certificate').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withScope([row]))[0] : undefined;
    },
    async insertCertificate(row: Omit2<CertificateRow>, scopeUnitIds: readonly string[]): Promise<void> {
      await scope.insertInto('cert_certificate', row).execute();
      if (scopeUnitIds.length) await scope.insertInto('cert_certificate_scope', scopeUnitIds.map((unit_id) => ({ certificate_id: row.id, unit_id }))).execute();
    },
    async updateCertificate(id: string, patch: Partial<Omit2<CertificateRow>>, scopeUnitIds?: readonly string[]): Promise<void> {
      await scope.updateTable('cert_certificate').set(patch).where('id', '=', id).execute();
      if (scopeUnitIds) {
        await scope.deleteFrom('cert_certificate_scope').where('certificate_id', '=', id).execute();
        if (scopeUnitIds.length) await scope.insertInto('cert_certificate_scope', scopeUnitIds.map((unit_id) => ({ certificate_id: id, unit_id }))).execute();
      }
    },
    async evidenceOf(certificateIds: readonly string[]): Promise<EvidenceRow[]> {
      if (!certificateIds.length) return [];
      return scope
        .selectFrom('cert_evidence')
        .innerJoin('stored_file', 'stored_file.id', 'cert_evidence.file_id')
        .select(['cert_evidence.certificate_id', 'cert_evidence.file_id', 'stored_file.filename', 'stored_file.content_type', 'stored_file.size', 'cert_evidence.created_at'])
        .where('cert_evidence.certificate_id', 'in', [...certificateIds])
        .orderBy('cert_evidence.created_at')
        .execute();
    },
    async insertEvidence(row: Omit2<Selectable<DB['cert_evidence']>>): Promise<void> {
      await scope.insertInto('cert_evidence', row).execute();
    },

    // ---------- annual reports ----------
    async reports(filter: { year?: number; unitIds?: readonly string[] } = {}): Promise<ReportRow[]> {
      let q = scope.selectFrom('cert_report').selectAll();
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      if (filter.unitIds) q = filter.unitIds.length ? q.where('unit_id', 'in', [...filter.unitIds]) : q.where('unit_id', '=', '');
      return q.orderBy('year').orderBy('unit_id').execute();
    },
    async reportKeys(): Promise<{ unit_id: string; year: number; status: string; submitted_at: string | null }[]> {
      const rows = await scope.selectFrom('cert_report').select(['unit_id', 'year', 'status', 'submitted_at']).execute();
      return rows.map((r) => ({ ...r, year: Number(r.year) }));
    },
    async reportById(id: string): Promise<ReportRow | undefined> {
      return scope.selectFrom('cert_report').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async reportOf(unitId: string, year: number): Promise<ReportRow | undefined> {
      return scope.selectFrom('cert_report').selectAll().where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
    },
    async insertReport(row: Omit2<ReportRow>): Promise<void> {
      await scope.insertInto('cert_report', row).execute();
    },
    async updateReport(id: string, patch: Partial<Omit2<ReportRow>>): Promise<void> {
      await scope.updateTable('cert_report').set(patch).where('id', '=', id).execute();
    },

    // ---------- training ----------
    async courses(): Promise<CourseRow[]> {
      return scope.selectFrom('cert_course').selectAll().orderBy('title').orderBy('id').execute();
    },
    async courseById(id: string): Promise<CourseRow | undefined> {
      return scope.selectFrom('cert_course').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async courseByTitle(title: string): Promise<CourseRow | undefined> {
      return scope.selectFrom('cert_course').selectAll().where('title', '=', title).executeTakeFirst();
    },
    async insertCourse(row: Omit2<CourseRow>): Promise<void> {
      await scope.insertInto('cert_course', row).execute();
    },
    async sessions(): Promise<SessionRow[]> {
      return scope.selectFrom('cert_session').selectAll().orderBy('date').orderBy('id').execute();
    },
    async sessionById(id: string): Promise<SessionRow | undefined> {
      return scope.selectFrom('cert_session').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async sessionOf(courseId: string, date: string): Promise<SessionRow | undefined> {
      return scope.selectFrom('cert_session').selectAll().where('course_id', '=', courseId).where('date', '=', date).executeTakeFirst();
    },
    async insertSession(row: Omit2<SessionRow>): Promise<void> {
      await scope.insertInto('cert_session', row).execute();
    },
    async participations(): Promise<(ParticipationRow & { date: string })[]> {
      return scope
        .selectFrom('cert_participation')
        .innerJoin('cert_session', 'cert_session.id', 'cert_participation.session_id')
        .selectAll('cert_participation')
        .select('cert_session.date')
        .orderBy('cert_session.date')
        .orderBy('cert_participation.id')
        .execute();
    },
    async participationOf(sessionId: string, unitId: string): Promise<ParticipationRow | undefined> {
      return scope.selectFrom('cert_participation').selectAll().where('session_id', '=', sessionId).where('unit_id', '=', unitId).executeTakeFirst();
    },
    async insertParticipation(row: Omit2<ParticipationRow>): Promise<void> {
      await scope.insertInto('cert_participation', row).execute();
    },
    async updateParticipation(id: string, patch: Partial<Omit2<ParticipationRow>>): Promise<void> {
      await scope.updateTable('cert_participation').set(patch).where('id', '=', id).execute();
    },

    // ---------- outreach ----------
    async outreachContacts(organisationIds?: readonly string[]): Promise<OutreachRow[]> {
      let q = scope.selectFrom('cert_outreach').selectAll();
      if (organisationIds) q = organisationIds.length ? q.where('organisation_id', 'in', [...organisationIds]) : q.where('organisation_id', '=', '');
      return q.orderBy('date', 'desc').orderBy('created_at', 'desc').execute();
    },
    async insertOutreach(row: Omit2<OutreachRow>): Promise<void> {
      await scope.insertInto('cert_outreach', row).execute();
    },

    // ---------- the municipality and its organisations ----------
    /** The municipality's current and former numbers (the tenant row itself, so still scoped). */
    async municipalityNumbers(): Promise<string[]> {
      const m = await scope.db.selectFrom('municipality').select(['number', 'previous_numbers']).where('id', '=', scope.municipalityId).executeTakeFirst();
      return m ? [m.number, ...(JSON.parse(m.previous_numbers) as string[])] : [];
    },
    async municipalitySlug(): Promise<string | null> {
      const m = await scope.db.selectFrom('municipality').select('slug').where('id', '=', scope.municipalityId).executeTakeFirst();
      return m?.slug ?? null;
    },
    async allOrganisations(): Promise<Selectable<DB['organisation']>[]> {
      return scope.selectFrom('organisation').selectAll().orderBy('name').execute();
    },

    /** Active staff accounts that may receive reminders. */
    async staff(): Promise<{ id: string; name: string; email: string; role: string; domains: string; unit_id: string | null }[]> {
      return scope.selectFrom('app_user').select(['id', 'name', 'email', 'role', 'domains', 'unit_id']).where('active', '=', 1).where('role', 'in', ['unit_manager', 'editor', 'admin']).orderBy('email').execute();
    },

    // ---------- map locations ----------
    async locations(): Promise<LocationRow[]> {
      return scope.selectFrom('cert_unit_location').selectAll().execute();
    },
    async upsertLocation(row: Omit2<LocationRow>): Promise<void> {
      const exists = await scope.selectFrom('cert_unit_location').select('unit_id').where('unit_id', '=', row.unit_id).executeTakeFirst();
      if (exists) await scope.updateTable('cert_unit_location').set({ lat: row.lat, lon: row.lon, source: row.source, updated_at: row.updated_at }).where('unit_id', '=', row.unit_id).execute();
      else await scope.insertInto('cert_unit_location', row).execute();
    },

    // ---------- reminder e-mails ----------
    async claimReminder(row: Omit2<Selectable<DB['cert_reminder_sent']>>): Promise<boolean> {
      const exists = await scope.selectFrom('cert_reminder_sent').select('id').where('date', '=', row.date).where('recipient', '=', row.recipient).executeTakeFirst();
      if (exists) return false;
      try {
        await scope.insertInto('cert_reminder_sent', row).execute();
        return true;
      } catch {
        return false; // another instance claimed it first (unique constraint)
      }
    },
    async releaseReminder(date: string, recipient: string): Promise<void> {
      await scope.deleteFrom('cert_reminder_sent').where('date', '=', date).where('recipient', '=', recipient).execute();
    },
  };
}

export type CertificationRepository = ReturnType<typeof certificationRepository>;
