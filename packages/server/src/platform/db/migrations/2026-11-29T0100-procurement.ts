import type { Kysely } from 'kysely';

// Frozen in time: never import application code here, never edit after release.
// Green procurement (program point A2): criteria library, tenders, bids, contracts, follow-up items.

export async function up(db: Kysely<any>): Promise<void> {
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('municipality_id', 'text', (c) => c.notNull().references('municipality.id'));

  await base('pr_criterion')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('product_group', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('documentation', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('cpv', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pr_criterion_key_uq', ['municipality_id', 'key'])
    .execute();

  await base('pr_tender')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cpv', 'text', (c) => c.notNull())
    .addColumn('estimated_value_ore', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('weighting', 'text', (c) => c.notNull())
    .addColumn('price_model', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('lots', 'text', (c) => c.notNull())
    .addColumn('exception_kind', 'text')
    .addColumn('exception_justification', 'text')
    .addColumn('env_weight', 'double precision')
    .addColumn('exception_used', 'integer', (c) => c.notNull())
    .addColumn('tender_period_end', 'text')
    .addColumn('published_at', 'text')
    .addColumn('awarded_bid_id', 'text')
    .addColumn('awarded_at', 'text')
    .addColumn('ocds_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pr_tender_reference_uq', ['municipality_id', 'reference'])
    .execute();

  await base('pr_bid')
    .addColumn('tender_id', 'text', (c) => c.notNull().references('pr_tender.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('supplier_name', 'text', (c) => c.notNull())
    .addColumn('supplier_org_number', 'text')
    .addColumn('price_ore', 'bigint')
    .addColumn('points', 'text', (c) => c.notNull())
    .addColumn('lcc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pr_bid_label_uq', ['municipality_id', 'tender_id', 'label'])
    .execute();

  await base('pr_contract')
    .addColumn('tender_id', 'text', (c) => c.notNull().references('pr_tender.id'))
    .addColumn('bid_id', 'text', (c) => c.notNull().references('pr_bid.id'))
    .addColumn('supplier_name', 'text', (c) => c.notNull())
    .addColumn('value_ore', 'bigint', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pr_contract_tender_uq', ['municipality_id', 'tender_id'])
    .execute();

  await base('pr_follow_up')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('pr_contract.id'))
    .addColumn('requirement_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('check_kind', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_unit.id'))
    .addColumn('outcome', 'text')
    .addColumn('checked_on', 'text')
    .addColumn('finding', 'text')
    .addColumn('sanction', 'text')
    .addColumn('sanction_date', 'text')
    .addColumn('deviation_closed_on', 'text')
    .addColumn('recorded_by_label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pr_follow_up_due_ix').on('pr_follow_up').columns(['municipality_id', 'due_date']).execute();
  await db.schema.createIndex('pr_follow_up_contract_ix').on('pr_follow_up').columns(['municipality_id', 'contract_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['pr_follow_up', 'pr_contract', 'pr_bid', 'pr_tender', 'pr_criterion']) await db.schema.dropTable(t).execute();
}
