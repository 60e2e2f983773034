import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type CriterionRow = Selectable<DB['pr_criterion']>;
export type TenderRow = Selectable<DB['pr_tender']>;
export type BidRow = Selectable<DB['pr_bid']>;
export type ContractRow = Selectable<DB['pr_contract']>;
export type FollowUpRow = Selectable<DB['pr_follow_up']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the procurement domain, always through the tenant scope. */
export function procurementRepository(scope: TenantScope) {
  return {
    // ---------- criteria library ----------
    criteria: () => scope.selectFrom('pr_criterion').selectAll().orderBy('product_group').orderBy('key').execute(),
    criterionById: (id: string) => scope.selectFrom('pr_criterion').selectAll().where('id', '=', id).executeTakeFirst(),
    criterionByKey: (key: string) => scope.selectFrom('pr_criterion').selectAll().where('key', '=', key).executeTakeFirst(),
    insertCriterion: (row: New<CriterionRow>) => scope.insertInto('pr_criterion', row).execute(),
    updateCriterion: (id: string, set: Partial<New<CriterionRow>>) => scope.updateTable('pr_criterion').set(set).where('id', '=', id).execute(),

    // ---------- tenders ----------
    tenders: () => scope.selectFrom('pr_tender').selectAll().orderBy('created_at', 'desc').orderBy('id').execute(),
    tenderById: (id: string) => scope.selectFrom('pr_tender').selectAll().where('id', '=', id).executeTakeFirst(),
    tenderByReference: (reference: string) => scope.selectFrom('pr_tender').selectAll().where('reference', '=', reference).executeTakeFirst(),
    insertTender: (row: New<TenderRow>) => scope.insertInto('pr_tender', row).execute(),
    updateTender: (id: string, set: Partial<New<TenderRow>>) => scope.updateTable('pr_tender').set(set).where('id', '=', id).execute(),

    // ---------- bids ----------
    bids: (tenderId: string) => scope.selectFrom('pr_bid').selectAll().where('tender_id', '=', tenderId).orderBy('label').execute(),
    bidById: (id: string) => scope.selectFrom('pr_bid').selectAll().where('id', '=', id).executeTakeFirst(),
    insertBid: (row: New<BidRow>) => scope.insertInto('pr_bid', row).execute(),
    updateBid: (id: string, set: Partial<New<BidRow>>) => scope.updateTable('pr_bid').set(set).where('id', '=', id).execute(),
    deleteBid: (id: string) => scope.deleteFrom('pr_bid').where('id', '=', id).execute(),

    // ---------- contracts and follow-up ----------
    contracts: () => scope.selectFrom('pr_contract').selectAll().orderBy('start_date', 'desc').orderBy('id').execute(),
    contractById: (id: string) => scope.selectFrom('pr_contract').selectAll().where('id', '=', id).executeTakeFirst(),
    contractByTender: (tenderId: string) => scope.selectFrom('pr_contract').selectAll().where('tender_id', '=', tenderId).executeTakeFirst(),
    insertContract: (row: New<ContractRow>) => scope.insertInto('pr_contract', row).execute(),
    followUps: (contractId?: string) => {
      let q = scope.selectFrom('pr_follow_up').selectAll();
      if (contractId) q = q.where('contract_id', '=', contractId);
      return q.orderBy('due_date').orderBy('title').orderBy('id').execute();
    },
    followUpById: (id: string) => scope.selectFrom('pr_follow_up').selectAll().where('id', '=', id).executeTakeFirst(),
    insertFollowUps: async (rows: New<FollowUpRow>[]) => {
      for (let i = 0; i < rows.length; i += 100) await scope.insertInto('pr_follow_up', rows.slice(i, i + 100)).execute();
    },
    updateFollowUp: (id: string, set: Partial<New<FollowUpRow>>) => scope.updateTable('pr_follow_up').set(set).where('id', '=', id).execute(),
  };
}
