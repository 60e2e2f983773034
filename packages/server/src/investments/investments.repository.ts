import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type PolicyRow = Selectable<DB['inv_policy']>;
export type ListVersionRow = Selectable<DB['inv_list_version']>;
export type ListEntryRow = Selectable<DB['inv_list_entry']>;
export type CompanyDataRow = Selectable<DB['inv_company_data']>;
export type PortfolioRow = Selectable<DB['inv_portfolio']>;
export type ReportRow = Selectable<DB['inv_report']>;
export type HoldingDbRow = Selectable<DB['inv_holding']>;
export type DecisionRow = Selectable<DB['inv_review_decision']>;
export type DivestmentRow = Selectable<DB['inv_divestment']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the investments domain, always through the tenant scope. */
export function investmentsRepository(scope: TenantScope) {
  const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    // Chunks keep PostgreSQL's and SQLite's parameter limits at bay.
    for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
  };
  return {
    policies: () => scope.selectFrom('inv_policy').selectAll().orderBy('version', 'desc').execute(),
    insertPolicy: (row: New<PolicyRow>) => scope.insertInto('inv_policy', row).execute(),

    listVersions: () => scope.selectFrom('inv_list_version').selectAll().orderBy('list_key').orderBy('version', 'desc').execute(),
    insertListVersion: (row: New<ListVersionRow>) => scope.insertInto('inv_list_version', row).execute(),
    listEntries: (versionIds: readonly string[]) => (versionIds.length ? scope.selectFrom('inv_list_entry').selectAll().where('version_id', 'in', [...versionIds]).orderBy('version_id').orderBy('row').execute() : Promise.resolve([] as ListEntryRow[])),
    insertListEntries: (rows: New<ListEntryRow>[]) => chunked(rows, (part) => scope.insertInto('inv_list_entry', part).execute()),

    companyData: () => scope.selectFrom('inv_company_data').selectAll().execute(),

    portfolios: () => scope.selectFrom('inv_portfolio').selectAll().orderBy('name').execute(),
    portfolioByKey: (key: string) => scope.selectFrom('inv_portfolio').selectAll().where('key', '=', key).executeTakeFirst(),
    insertPortfolio: (row: New<PortfolioRow>) => scope.insertInto('inv_portfolio', row).execute(),

    reports: () => scope.selectFrom('inv_report').selectAll().orderBy('as_of').orderBy('id').execute(),
    reportById: (id: string) => scope.selectFrom('inv_report').selectAll().where('id', '=', id).executeTakeFirst(),
    reportFor: (portfolioId: string, asOf: string) => scope.selectFrom('inv_report').selectAll().where('portfolio_id', '=', portfolioId).where('as_of', '=', asOf).executeTakeFirst(),
    insertReport: (row: New<ReportRow>) => scope.insertInto('inv_report', row).execute(),
    deleteReport: async (id: string) => {
      await scope.deleteFrom('inv_holding').where('report_id', '=', id).execute();
      await scope.deleteFrom('inv_report').where('id', '=', id).execute();
    },
    holdings: (reportIds: readonly string[]) => (reportIds.length ? scope.selectFrom('inv_holding').selectAll().where('report_id', 'in', [...reportIds]).orderBy('report_id').orderBy('line').execute() : Promise.resolve([] as HoldingDbRow[])),
    insertHoldings: (rows: New<HoldingDbRow>[]) => chunked(rows, (part) => scope.insertInto('inv_holding', part).execute()),

    decisions: () => scope.selectFrom('inv_review_decision').selectAll().execute(),
    decision: (holdingKey: string, listKey: string) => scope.selectFrom('inv_review_decision').selectAll().where('holding_key', '=', holdingKey).where('list_key', '=', listKey).executeTakeFirst(),
    insertDecision: (row: New<DecisionRow>) => scope.insertInto('inv_review_decision', row).execute(),
    updateDecision: (id: string, set: Pick<DecisionRow, 'decision' | 'note' | 'decided_by_label' | 'decided_at'>) => scope.updateTable('inv_review_decision').set(set).where('id', '=', id).execute(),

    divestments: () => scope.selectFrom('inv_divestment').selectAll().orderBy('flagged_at').execute(),
    divestment: (portfolioId: string, companyKey: string) => scope.selectFrom('inv_divestment').selectAll().where('portfolio_id', '=', portfolioId).where('company_key', '=', companyKey).executeTakeFirst(),
    insertDivestment: (row: New<DivestmentRow>) => scope.insertInto('inv_divestment', row).execute(),
    updateDivestment: (id: string, set: Partial<Omit<DivestmentRow, 'id' | 'municipality_id'>>) => scope.updateTable('inv_divestment').set(set).where('id', '=', id).execute(),
  };
}
