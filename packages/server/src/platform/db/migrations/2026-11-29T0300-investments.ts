import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Investments (program point A3): versioned policy, versioned exclusion lists, company data,
// portfolios with holdings reports per date, review decisions, divestment tracker.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('inv_policy')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('adopted_body', 'text', (c) => c.notNull())
    .addColumn('adopted_date', 'text')
    .addColumn('case_number', 'text')
    .addColumn('policy', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_policy_version_uq', ['municipality_id', 'version'])
    .execute();

  await base('inv_list_version')
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('list_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_list_version_uq', ['municipality_id', 'list_key', 'version'])
    .execute();

  await base('inv_list_entry')
    .addColumn('version_id', 'text', (c) => c.notNull().references('inv_list_version.id'))
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('isin', 'text')
    .addColumn('lei', 'text')
    .addColumn('country', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull()) // JSON string[]
    .execute();
  await db.schema.createIndex('inv_list_entry_version_ix').on('inv_list_entry').columns(['municipality_id', 'version_id']).execute();

  await base('inv_company_data')
    .addColumn('company_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('isin', 'text')
    .addColumn('revenue_shares', 'text', (c) => c.notNull()) // JSON
    .addColumn('metrics', 'text', (c) => c.notNull()) // JSON
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_company_data_uq', ['municipality_id', 'company_key'])
    .execute();

  await base('inv_portfolio')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_portfolio_key_uq', ['municipality_id', 'key'])
    .execute();

  await base('inv_report')
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('inv_portfolio.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_report_date_uq', ['municipality_id', 'portfolio_id', 'as_of'])
    .execute();

  await base('inv_holding')
    .addColumn('report_id', 'text', (c) => c.notNull().references('inv_report.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('isin', 'text')
    .addColumn('lei', 'text')
    .addColumn('country', 'text')
    .addColumn('market_value_ore', 'bigint', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull()) // JSON
    .execute();
  await db.schema.createIndex('inv_holding_report_ix').on('inv_holding').columns(['municipality_id', 'report_id']).execute();

  await base('inv_review_decision')
    .addColumn('holding_key', 'text', (c) => c.notNull())
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // confirmed | rejected
    .addColumn('note', 'text')
    .addColumn('decided_by_label', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inv_review_decision_uq', ['municipality_id', 'holding_key', 'list_key'])
    .execute();

  await base('inv_divestment')
    .addColumn('portfolio_id', 'text', (c) => c.notNull().references('inv_portfolio.id'))
    .addColumn('company_key', 'text', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // flagged | decided | sold
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('flagged_by_label', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('sold_at', 'text')
    .addColumn('sold_by_label', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('inv_divestment_uq', ['municipality_id', 'portfolio_id', 'company_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['inv_divestment', 'inv_review_decision', 'inv_holding', 'inv_report', 'inv_portfolio', 'inv_company_data', 'inv_list_entry', 'inv_list_version', 'inv_policy']) await db.schema.dropTable(t).execute();
}
