import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type KitchenRow = Selectable<DB['fw_kitchen']>;
export type RegistrationRow = Selectable<DB['fw_registration']>;
export type ActivityRow = Selectable<DB['fw_activity']>;
export type OfferRow = Selectable<DB['fw_offer']>;
export type ListItemRow = Selectable<DB['fw_list_item']>;
type New<T> = Omit<T, 'municipality_id'>;

/** Which kitchens a caller may see: all, or those of some units and one organisation. */
export interface KitchenFilter {
  unitIds?: readonly string[];
  organisationId?: string | null;
}

/** All SQL of the food-waste domain, always through the tenant scope. */
export function foodwasteRepository(scope: TenantScope) {
  return {
    // ---------- the municipality's own list entries ----------
    listItems: () => scope.selectFrom('fw_list_item').selectAll().orderBy('created_at').orderBy('id').execute(),
    listItemById: (id: string) => scope.selectFrom('fw_list_item').selectAll().where('id', '=', id).executeTakeFirst(),
    insertListItem: (row: New<ListItemRow>) => scope.insertInto('fw_list_item', row).execute(),
    updateListItem: (id: string, set: Partial<Pick<ListItemRow, 'label_nb' | 'label_en' | 'active' | 'updated_at'>>) => scope.updateTable('fw_list_item').set(set).where('id', '=', id).execute(),

    // ---------- kitchens ----------
    async kitchens(filter: KitchenFilter | null = null): Promise<KitchenRow[]> {
      let q = scope.selectFrom('fw_kitchen').selectAll();
      if (filter) {
        const units = [...(filter.unitIds ?? [])];
        const org = filter.organisationId ?? null;
        if (!units.length && !org) return [];
        q = q.where((eb) => eb.or([...(units.length ? [eb('unit_id', 'in', units)] : []), ...(org ? [eb('organisation_id', '=', org)] : [])]));
      }
      return q.orderBy('name').orderBy('id').execute();
    },
    kitchenById: (id: string) => scope.selectFrom('fw_kitchen').selectAll().where('id', '=', id).executeTakeFirst(),
    kitchenByName: (name: string) => scope.selectFrom('fw_kitchen').selectAll().where('name', '=', name).executeTakeFirst(),
    insertKitchen: (row: New<KitchenRow>) => scope.insertInto('fw_kitchen', row).execute(),

    // ---------- registrations ----------
    async registrations(kitchenIds: readonly string[] | null, from?: string, to?: string): Promise<RegistrationRow[]> {
      if (kitchenIds && !kitchenIds.length) return [];
      let q = scope.selectFrom('fw_registration').selectAll();
      if (kitchenIds) q = q.where('kitchen_id', 'in', [...kitchenIds]);
      if (from) q = q.where('date', '>=', from);
      if (to) q = q.where('date', '<=', to);
      return q.orderBy('date').orderBy('created_at').orderBy('id').execute();
    },
    registrationByClientId: (clientId: string) => scope.selectFrom('fw_registration').selectAll().where('client_id', '=', clientId).executeTakeFirst(),
    insertRegistrations: async (rows: New<RegistrationRow>[]) => {
      // Chunks keep PostgreSQL's and SQLite's parameter limits at bay.
      for (let i = 0; i < rows.length; i += 200) await scope.insertInto('fw_registration', rows.slice(i, i + 200)).execute();
    },
    /** Keys of registrations already imported from a file (file, line), to make re-imports change nothing. */
    async importedLines(file: string): Promise<Set<number>> {
      const rows = await scope.selectFrom('fw_registration').select('import_line').where('import_file', '=', file).execute();
      return new Set(rows.map((r) => Number(r.import_line)));
    },

    // ---------- activity ----------
    async activity(kitchenIds: readonly string[] | null): Promise<ActivityRow[]> {
      if (kitchenIds && !kitchenIds.length) return [];
      let q = scope.selectFrom('fw_activity').selectAll();
      if (kitchenIds) q = q.where('kitchen_id', 'in', [...kitchenIds]);
      return q.orderBy('date').execute();
    },
    activityOn: (kitchenId: string, date: string) => scope.selectFrom('fw_activity').selectAll().where('kitchen_id', '=', kitchenId).where('date', '=', date).executeTakeFirst(),
    insertActivity: async (rows: New<ActivityRow>[]) => {
      for (let i = 0; i < rows.length; i += 200) await scope.insertInto('fw_activity', rows.slice(i, i + 200)).execute();
    },
    updateActivity: (id: string, amount: number, label: string, at: string) => scope.updateTable('fw_activity').set({ amount, entered_by_label: label, updated_at: at }).where('id', '=', id).execute(),

    // ---------- offers ----------
    offers: () => scope.selectFrom('fw_offer').selectAll().orderBy('pickup_to', 'desc').orderBy('id').execute(),
    offerById: (id: string) => scope.selectFrom('fw_offer').selectAll().where('id', '=', id).executeTakeFirst(),
    insertOffer: (row: New<OfferRow>) => scope.insertInto('fw_offer', row).execute(),
    /**
     * Claims an offer in one conditional UPDATE: only an open offer not yet expired changes, so of
     * several simultaneous claims exactly one touches a row. Returns whether this call won.
     */
    async claimOffer(id: string, receiverOrganisationId: string, label: string, nowIso: string): Promise<boolean> {
      const r = await scope
        .updateTable('fw_offer')
        .set({ status: 'claimed', receiver_organisation_id: receiverOrganisationId, claimed_at: nowIso, claimed_by_label: label, updated_at: nowIso })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('expires_at', '>', nowIso)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Moves a claimed offer to collected or no_show, again only if it is still claimed. */
    async closeOffer(id: string, status: 'collected' | 'no_show', nowIso: string): Promise<boolean> {
      const r = await scope.updateTable('fw_offer').set({ status, closed_at: nowIso, updated_at: nowIso }).where('id', '=', id).where('status', '=', 'claimed').executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Marks every open offer past its expiry as expired; returns the ids. */
    async expireOffers(nowIso: string): Promise<string[]> {
      const due = await scope.selectFrom('fw_offer').select('id').where('status', '=', 'open').where('expires_at', '<=', nowIso).execute();
      if (!due.length) return [];
      const ids = due.map((d) => d.id);
      await scope.updateTable('fw_offer').set({ status: 'expired', closed_at: nowIso, updated_at: nowIso }).where('id', 'in', ids).where('status', '=', 'open').execute();
      return ids;
    },

    // ---------- context ----------
    /** Names and kinds of the municipality's organisations (donors, receivers). */
    organisations: () => scope.selectFrom('organisation').select(['id', 'name', 'kind']).orderBy('name').execute(),
    /** The latest population value (indicator `population`) on or before a date, for kg per resident. */
    async population(asOf: string): Promise<number | null> {
      const row = await scope
        .selectFrom('indicator_value')
        .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
        .select('indicator_value.value')
        .where('indicator.key', '=', 'population')
        .where('indicator.municipality_id', '=', scope.municipalityId)
        .where('indicator_value.date', '<=', asOf)
        .orderBy('indicator_value.date', 'desc')
        .executeTakeFirst();
      return row ? Number(row.value) : null;
    },
  };
}
