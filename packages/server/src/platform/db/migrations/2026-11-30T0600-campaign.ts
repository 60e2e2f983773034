import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Campaign (C1): themes, events with registrations, moderated threads and reports.

export async function up(db: Kysely<any>): Promise<void> {
  const tenant = (t: any) => t.addColumn('id', 'text', (c: any) => c.primaryKey()).addColumn('municipality_id', 'text', (c: any) => c.notNull().references('municipality.id'));
  await tenant(db.schema.createTable('cmp_theme'))
    .addColumn('title_nb', 'text', (c: any) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('text_nb', 'text', (c: any) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('moderation', 'text', (c: any) => c.notNull())
    .addColumn('open', 'integer', (c: any) => c.notNull())
    .addColumn('sort', 'integer', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await tenant(db.schema.createTable('cmp_event'))
    .addColumn('theme_id', 'text', (c: any) => c.references('cmp_theme.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('title', 'text', (c: any) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('place', 'text', (c: any) => c.notNull())
    .addColumn('starts_at', 'text', (c: any) => c.notNull())
    .addColumn('ends_at', 'text', (c: any) => c.notNull())
    .addColumn('capacity', 'integer', (c: any) => c.notNull())
    .addColumn('seats_taken', 'integer', (c: any) => c.notNull())
    .addColumn('cancelled', 'integer', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addCheckConstraint('cmp_event_seats_ck', sql`seats_taken >= 0 and seats_taken <= capacity`) // the database itself refuses more seats than capacity
    .execute();
  await db.schema.createIndex('cmp_event_m_start').on('cmp_event').columns(['municipality_id', 'starts_at']).execute();
  await tenant(db.schema.createTable('cmp_registration'))
    .addColumn('event_id', 'text', (c: any) => c.notNull().references('cmp_event.id'))
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('seats', 'integer', (c: any) => c.notNull())
    .addColumn('cancel_hash', 'text', (c: any) => c.notNull().unique())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('cmp_registration_event').on('cmp_registration').columns(['event_id']).execute();
  await tenant(db.schema.createTable('cmp_post'))
    .addColumn('theme_id', 'text', (c: any) => c.notNull().references('cmp_theme.id'))
    .addColumn('parent_id', 'text', (c: any) => c.references('cmp_post.id'))
    .addColumn('title', 'text')
    .addColumn('display_name', 'text', (c: any) => c.notNull())
    .addColumn('body', 'text', (c: any) => c.notNull())
    .addColumn('body_norm', 'text', (c: any) => c.notNull())
    .addColumn('poster_key', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('by_staff', 'integer', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_reason', 'text')
    .execute();
  await db.schema.createIndex('cmp_post_theme').on('cmp_post').columns(['municipality_id', 'theme_id', 'created_at']).execute();
  await db.schema.createIndex('cmp_post_poster').on('cmp_post').columns(['municipality_id', 'poster_key', 'created_at']).execute();
  await tenant(db.schema.createTable('cmp_report'))
    .addColumn('post_id', 'text', (c: any) => c.notNull().references('cmp_post.id'))
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('cmp_report_post').on('cmp_report').columns(['post_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cmp_report', 'cmp_post', 'cmp_registration', 'cmp_event', 'cmp_theme']) await db.schema.dropTable(t).execute();
}
