import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Certification (program points A1 and B1): certificates, annual reports, training, outreach.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('cert_scheme')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_nb', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_nb', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text')
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cert_scheme_key_uq', ['municipality_id', 'key'])
    .execute();

  await base('cert_certificate')
    .addColumn('scheme_key', 'text', (c) => c.notNull())
    .addColumn('holder_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('certificate_number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('started_on', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('cert_certificate.id'))
    .addColumn('include_subunits', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('verified_by_label', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('note', 'text')
    .addColumn('registered_by', 'text')
    .addColumn('registered_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cert_certificate_unit_ix').on('cert_certificate').columns(['municipality_id', 'holder_unit_id']).execute();
  await db.schema.createIndex('cert_certificate_org_ix').on('cert_certificate').columns(['municipality_id', 'organisation_id']).execute();
  await db.schema.createIndex('cert_certificate_verification_ix').on('cert_certificate').columns(['municipality_id', 'verification']).execute();

  await db.schema
    .createTable('cert_certificate_scope')
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('cert_certificate.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addPrimaryKeyConstraint('cert_certificate_scope_pk', ['certificate_id', 'unit_id'])
    .execute();

  await base('cert_evidence')
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('cert_certificate.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_file.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cert_evidence_certificate_ix').on('cert_evidence').columns(['municipality_id', 'certificate_id']).execute();

  await base('cert_report')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('scope1_kg', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('scope2_kg', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('scope3_kg', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('total_kg', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('ghg', 'text', (c) => c.notNull())
    .addColumn('kwh_per_m2', 'double precision')
    .addColumn('sorting_rate_pct', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by_label', 'text')
    .addColumn('import_file', 'text')
    .addColumn('import_line', 'integer')
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cert_report_unit_year_uq', ['municipality_id', 'unit_id', 'year'])
    .execute();

  await base('cert_course')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await base('cert_session')
    .addColumn('course_id', 'text', (c) => c.notNull().references('cert_course.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await base('cert_participation')
    .addColumn('session_id', 'text', (c) => c.notNull().references('cert_session.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('names', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cert_participation_session_unit_uq', ['session_id', 'unit_id'])
    .execute();

  await base('cert_outreach')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cert_outreach_org_ix').on('cert_outreach').columns(['municipality_id', 'organisation_id']).execute();

  await db.schema
    .createTable('cert_unit_location')
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('org_unit.id'))
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await base('cert_reminder_sent')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cert_reminder_sent_uq', ['municipality_id', 'date', 'recipient'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cert_reminder_sent', 'cert_unit_location', 'cert_outreach', 'cert_participation', 'cert_session', 'cert_course', 'cert_report', 'cert_evidence', 'cert_certificate_scope', 'cert_certificate', 'cert_scheme']) {
    await db.schema.dropTable(t).execute();
  }
}
