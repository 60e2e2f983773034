import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const autoId = (t: any) => (pg ? t.addColumn('id', 'bigserial', (c: any) => c.primaryKey()) : t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement()));

  await db.schema
    .createTable('municipality')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('previous_numbers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hosts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('nb'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('place', 'text')
    .addColumn('staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('org_unit_key_uq', ['municipality_id', 'key'])
    .execute();
  await db.schema.createIndex('org_unit_parent_ix').on('org_unit').columns(['municipality_id', 'parent_id']).execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('org_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('place', 'text')
    .addColumn('municipality_number', 'text')
    .addColumn('employees', 'integer')
    .addColumn('website', 'text')
    .addColumn('parent_org_number', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organisation_orgnr_uq', ['municipality_id', 'org_number'])
    .execute();
  await db.schema.createIndex('organisation_name_ix').on('organisation').columns(['municipality_id', 'name']).execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addUniqueConstraint('app_user_email_uq', ['municipality_id', 'email'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_expires_ix').on('session').column('expires_at').execute();

  await autoId(db.schema.createTable('audit_log'))
    .addColumn('municipality_id', 'text', (c: any) => c.notNull().references('municipality.id'))
    .addColumn('at', 'text', (c: any) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c: any) => c.notNull())
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('entity_type', 'text', (c: any) => c.notNull())
    .addColumn('entity_id', 'text', (c: any) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_ix').on('audit_log').columns(['municipality_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity_ix').on('audit_log').columns(['municipality_id', 'entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('owner_organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oidc_state')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('input', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['job', 'oidc_state', 'stored_file', 'audit_log', 'session', 'app_user', 'organisation', 'org_unit', 'municipality']) {
    await db.schema.dropTable(t).execute();
  }
}
