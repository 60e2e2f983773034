import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Enterprise (program points A4, A5, B6, B7): the register of social enterprises and green
// start-ups with the municipality's ways of working with them, youth companies, and the green cluster.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));
  await base('ent_venture')
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('org_number', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('impact_area', 'text', (c) => c.notNull())
    .addColumn('sdgs', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One entry per organisation number (those without a number are told apart by name in the service).
    .addUniqueConstraint('ent_venture_orgnr_uq', ['municipality_id', 'org_number'])
    .execute();
  await base('ent_engagement')
    .addColumn('venture_id', 'text', (c) => c.notNull().references('ent_venture.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('value_ore', 'bigint')
    .addColumn('tender_id', 'text', (c) => c.references('pr_tender.id'))
    .addColumn('application_id', 'text', (c) => c.references('ent_application.id'))
    .addColumn('note', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ent_engagement_venture_ix').on('ent_engagement').columns(['municipality_id', 'venture_id']).execute();
  await base('ent_youth_company')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('school_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('school_name', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('idea', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('org_number', 'text')
    .addColumn('prize', 'text')
    .addColumn('support', 'text', (c) => c.notNull())
    .addColumn('support_ore', 'bigint')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The same company registered twice in a year would be counted twice.
    .addUniqueConstraint('ent_youth_company_once_uq', ['municipality_id', 'year', 'name'])
    .execute();
  await base('ent_cluster_member')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ent_cluster_member_uq', ['municipality_id', 'organisation_id'])
    .execute();
  await base('ent_cluster_event')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('participant_ids', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await base('ent_cluster_project')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('member_ids', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ent_cluster_project', 'ent_cluster_event', 'ent_cluster_member', 'ent_youth_company', 'ent_engagement', 'ent_venture']) await db.schema.dropTable(t).execute();
}
