import type { Selectable } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { TenantScope } from '../platform/tenant.js';

export type PlaceRow = Selectable<DB['circ_place']>;
export type ItemRow = Selectable<DB['circ_item']>;
export type ReservationRow = Selectable<DB['circ_reservation']>;
type New<T> = Omit<T, 'municipality_id'>;

/** All SQL of the circular domain, always through the tenant scope. */
export function circularRepository(scope: TenantScope) {
  return {
    // ---------- directory ----------
    places: (activeOnly: boolean) => {
      let q = scope.selectFrom('circ_place').selectAll();
      if (activeOnly) q = q.where('active', '=', 1);
      return q.orderBy('name').orderBy('id').execute();
    },
    placeById: (id: string) => scope.selectFrom('circ_place').selectAll().where('id', '=', id).executeTakeFirst(),
    placeByName: (name: string) => scope.selectFrom('circ_place').selectAll().where('name', '=', name).executeTakeFirst(),
    insertPlace: (row: New<PlaceRow>) => scope.insertInto('circ_place', row).execute(),
    updatePlace: (id: string, set: Partial<New<PlaceRow>>) => scope.updateTable('circ_place').set(set).where('id', '=', id).execute(),

    // ---------- marketplace ----------
    async items(filter: { state?: string; unitId?: string; category?: string; limit: number; offset: number }): Promise<{ rows: ItemRow[]; total: number }> {
      let q = scope.selectFrom('circ_item');
      if (filter.state) q = q.where('state', '=', filter.state);
      if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
      if (filter.category) q = q.where('category', '=', filter.category);
      const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
      return { rows, total };
    },
    allItems: () => scope.selectFrom('circ_item').selectAll().execute(),
    itemById: (id: string) => scope.selectFrom('circ_item').selectAll().where('id', '=', id).executeTakeFirst(),
    itemCount: async () => Number((await scope.selectFrom('circ_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    insertItem: (row: New<ItemRow>) => scope.insertInto('circ_item', row).execute(),
    /**
     * Takes `quantity` from an item's stock in one conditional UPDATE: only an available item with
     * enough left changes, so of several simultaneous reservations of the last one exactly one
     * touches a row (PostgreSQL re-checks the condition after waiting for the row lock; SQLite runs
     * one writer at a time). Returns whether this call won.
     */
    async takeFromStock(id: string, quantity: number, nowIso: string): Promise<boolean> {
      const r = await scope
        .updateTable('circ_item')
        .set((eb) => ({ quantity_left: eb('quantity_left', '-', quantity), updated_at: nowIso }))
        .where('id', '=', id)
        .where('state', '=', 'available')
        .where('quantity_left', '>=', quantity)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Gives a cancelled reservation's quantity back; the item is available again unless withdrawn. */
    async returnToStock(id: string, quantity: number, nowIso: string): Promise<void> {
      await scope.updateTable('circ_item').set((eb) => ({ quantity_left: eb('quantity_left', '+', quantity), updated_at: nowIso })).where('id', '=', id).execute();
      await scope.updateTable('circ_item').set({ state: 'available', updated_at: nowIso }).where('id', '=', id).where('state', 'in', ['reserved', 'collected']).where('quantity_left', '>', 0).execute();
    },
    /** Sets the state from the stock and the open reservations: reserved when none is left, collected when all is picked up. */
    async settleState(id: string, nowIso: string): Promise<void> {
      const item = await scope.selectFrom('circ_item').select(['state', 'quantity_left']).where('id', '=', id).executeTakeFirstOrThrow();
      if (item.state === 'withdrawn' || Number(item.quantity_left) > 0) return;
      const open = await scope.selectFrom('circ_reservation').select('id').where('item_id', '=', id).where('state', '=', 'reserved').executeTakeFirst();
      await scope.updateTable('circ_item').set({ state: open ? 'reserved' : 'collected', updated_at: nowIso }).where('id', '=', id).where('state', '!=', 'withdrawn').execute();
    },
    /** Withdraws an item, only while it is available (what others reserved stays theirs). */
    async withdrawItem(id: string, nowIso: string): Promise<boolean> {
      const r = await scope.updateTable('circ_item').set({ state: 'withdrawn', quantity_left: 0, updated_at: nowIso }).where('id', '=', id).where('state', '=', 'available').executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    setPhoto: (id: string, fileId: string, nowIso: string) => scope.updateTable('circ_item').set({ photo_file_id: fileId, updated_at: nowIso }).where('id', '=', id).execute(),

    reservations: (itemIds: readonly string[] | null) => {
      if (itemIds && !itemIds.length) return Promise.resolve([] as ReservationRow[]);
      let q = scope.selectFrom('circ_reservation').selectAll();
      if (itemIds) q = q.where('item_id', 'in', [...itemIds]);
      return q.orderBy('reserved_at').orderBy('id').execute();
    },
    reservationById: (id: string) => scope.selectFrom('circ_reservation').selectAll().where('id', '=', id).executeTakeFirst(),
    insertReservation: (row: New<ReservationRow>) => scope.insertInto('circ_reservation', row).execute(),
    /** Closes a reservation (collected or cancelled), only if it is still open. */
    async closeReservation(id: string, state: 'collected' | 'cancelled', nowIso: string): Promise<boolean> {
      const r = await scope.updateTable('circ_reservation').set({ state, closed_at: nowIso }).where('id', '=', id).where('state', '=', 'reserved').executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Collected reservations with their item's category and cost share, for the figures. */
    collected: () =>
      scope
        .selectFrom('circ_reservation')
        .innerJoin('circ_item', 'circ_item.id', 'circ_reservation.item_id')
        .select(['circ_reservation.id', 'circ_reservation.quantity', 'circ_reservation.closed_at', 'circ_reservation.unit_id', 'circ_item.unit_id as from_unit_id', 'circ_item.category', 'circ_item.quantity as item_quantity', 'circ_item.cost_ore'])
        .where('circ_reservation.state', '=', 'collected')
        .where('circ_reservation.municipality_id', '=', scope.municipalityId)
        .orderBy('circ_reservation.closed_at')
        .execute(),

    // ---------- context ----------
    units: () => scope.selectFrom('org_unit').select(['id', 'name', 'key']).orderBy('name').execute(),
    organisations: () => scope.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute(),
    fileById: (id: string) => scope.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The grant rounds of the circular domain (support schemes), run with the enterprise mechanism. */
    schemes: () => scope.selectFrom('ent_call').select(['id', 'title', 'description', 'opens_at', 'deadline', 'budget_ore']).where('domain', '=', 'circular').orderBy('deadline', 'desc').execute(),
    async municipalitySlug(): Promise<string | null> {
      const m = await scope.db.selectFrom('municipality').select('slug').where('id', '=', scope.municipalityId).executeTakeFirst();
      return m?.slug ?? null;
    },
  };
}
