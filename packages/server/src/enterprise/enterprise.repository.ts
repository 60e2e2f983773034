import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type CallRow = Selectable<DB['ent_call']>;
export type ApplicationRow = Selectable<DB['ent_application']>;
export type ReviewRow = Selectable<DB['ent_review']>;
export type ReportRow = Selectable<DB['ent_report']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the enterprise domain, always through the tenant scope. */
export function enterpriseRepository(scope: TenantScope) {
  return {
    calls: (domain?: string) => {
      let q = scope.selectFrom('ent_call').selectAll();
      if (domain) q = q.where('domain', '=', domain);
      return q.orderBy('deadline', 'desc').orderBy('id').execute();
    },
    callById: (id: string) => scope.selectFrom('ent_call').selectAll().where('id', '=', id).executeTakeFirst(),
    insertCall: (row: New<CallRow>) => scope.insertInto('ent_call', row).execute(),
    applications: (f: { callId?: string; organisationId?: string } = {}) => {
      let q = scope.selectFrom('ent_application').selectAll();
      if (f.callId) q = q.where('call_id', '=', f.callId);
      if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
      return q.orderBy('submitted_at').orderBy('id').execute();
    },
    applicationById: (id: string) => scope.selectFrom('ent_application').selectAll().where('id', '=', id).executeTakeFirst(),
    applicationByTitle: (callId: string, organisationId: string, title: string) => scope.selectFrom('ent_application').selectAll().where('call_id', '=', callId).where('organisation_id', '=', organisationId).where('title', '=', title).executeTakeFirst(),
    insertApplication: (row: New<ApplicationRow>) => scope.insertInto('ent_application', row).execute(),
    updateApplication: (id: string, set: Partial<New<ApplicationRow>>) => scope.updateTable('ent_application').set(set).where('id', '=', id).execute(),
    reviews: (applicationIds: readonly string[]) => (applicationIds.length ? scope.selectFrom('ent_review').selectAll().where('application_id', 'in', [...applicationIds]).orderBy('updated_at').execute() : Promise.resolve([] as ReviewRow[])),
    reviewOf: (applicationId: string, reviewerId: string) => scope.selectFrom('ent_review').selectAll().where('application_id', '=', applicationId).where('reviewer_id', '=', reviewerId).executeTakeFirst(),
    insertReview: (row: New<ReviewRow>) => scope.insertInto('ent_review', row).execute(),
    updateReview: (id: string, set: Partial<New<ReviewRow>>) => scope.updateTable('ent_review').set(set).where('id', '=', id).execute(),
    reports: (applicationIds: readonly string[]) => (applicationIds.length ? scope.selectFrom('ent_report').selectAll().where('application_id', 'in', [...applicationIds]).orderBy('submitted_at').execute() : Promise.resolve([] as ReportRow[])),
    insertReport: (row: New<ReportRow>) => scope.insertInto('ent_report', row).execute(),
    /** Files the organisation uploaded for this domain, among the given ids. */
    ownFiles: (ids: readonly string[], organisationId: string) => (ids.length ? scope.selectFrom('stored_file').select(['id', 'filename']).where('id', 'in', [...ids]).where('owner_organisation_id', '=', organisationId).execute() : Promise.resolve([])),
    organisations: () => scope.selectFrom('organisation').select(['id', 'name', 'kind']).execute(),
  };
}
