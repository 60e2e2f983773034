import { sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { SpendGroup } from '@omstilling/core';
import type { TenantScope } from '../platform/tenant.js';
import type { ClimateLedgerLineTable } from './climate.tables.js';

/** Writes ledger lines inside the current transaction: add() per line, flush() between chunks and at the end (last = true). */
export interface LineWriter {
  add(importId: string, line: number, date: string, period: number, ansvar: string, art: string, funksjon: string, project: string | null, orgnr: string | null, supplier: string | null, ore: number, text: string | null): void;
  flush(last: boolean): Promise<void>;
}

const LINE_COLUMNS = ['municipality_id', 'import_id', 'line', 'date', 'period', 'ansvar', 'art', 'funksjon', 'project', 'orgnr', 'supplier', 'amount_ore', 'text'] as const;
const SQLITE_BATCH = 100;
const PG_BATCH = 2000;

/** All SQL of the climate domain, scoped to one municipality. */
export function climateRepository(scope: TenantScope) {
  return {
    importBySha: (sha: string) => scope.selectFrom('climate_import').selectAll().where('sha256', '=', sha).executeTakeFirst(),
    imports: () => scope.selectFrom('climate_import').selectAll().orderBy('created_at', 'desc').execute(),
    insertImport: (row: Parameters<typeof scope.insertInto<'climate_import'>>[1]) => scope.insertInto('climate_import', row).execute(),
    updateImport: (id: string, values: { imported: number; skipped: number; total_ore: number; period_from: number; period_to: number; periods: string; excluded: string; lines: number }) => scope.updateTable('climate_import').set(values).where('id', '=', id).execute(),

    /**
     * A writer of ledger lines inside the current transaction. On SQLite it uses one prepared
     * multi-row INSERT on the same connection (Kysely's transaction holds it), because building
     * a Kysely query per 100 rows would cap the import far below the 350 000 lines/s target;
     * the municipality id is bound here exactly as TenantScope would add it.
     */
    lineWriter(sqlite: SQLite.Database | null): LineWriter {
      const municipalityId = scope.municipalityId;
      if (sqlite) {
        // The municipality and import are the same on every row: bound once per statement as named
        // parameters (@m, @imp), which saves two of thirteen bindings per row.
        const one = `(@m,@imp,${LINE_COLUMNS.slice(2).map(() => '?').join(',')})`;
        const insert = (n: number) => sqlite.prepare(`insert into climate_ledger_line (${LINE_COLUMNS.join(',')}) values ${Array(n).fill(one).join(',')}`);
        const batch = insert(SQLITE_BATCH);
        const single = insert(1);
        const perRow = LINE_COLUMNS.length - 2;
        const params: unknown[] = [];
        let named: { m: string; imp: string } | null = null;
        let n = 0;
        return {
          add(importId, line, date, period, ansvar, art, funksjon, project, orgnr, supplier, ore, text) {
            named ??= { m: municipalityId, imp: importId };
            params.push(line, date, period, ansvar, art, funksjon, project, orgnr, supplier, ore, text);
            if (++n === SQLITE_BATCH) {
              batch.run(params, named);
              params.length = 0;
              n = 0;
            }
          },
          async flush(last) {
            if (!last || !named) return;
            for (let i = 0; i < params.length; i += perRow) single.run(params.slice(i, i + perRow), named);
            params.length = 0;
            n = 0;
          },
        };
      }
      let rows: Omit<ClimateLedgerLineTable, 'id' | 'municipality_id'>[] = [];
      return {
        add(import_id, line, date, period, ansvar, art, funksjon, project, orgnr, supplier, amount_ore, text) {
          rows.push({ import_id, line, date, period, ansvar, art, funksjon, project, orgnr, supplier, amount_ore, text });
        },
        async flush() {
          const all = rows;
          rows = [];
          for (let i = 0; i < all.length; i += PG_BATCH) await scope.insertInto('climate_ledger_line', all.slice(i, i + PG_BATCH)).execute();
        },
      };
    },

    /** Other imports holding lines in any of the given months (from their period lists; no scan of lines). */
    async overlapping(periods: number[], importId: string) {
      const want = new Set(periods);
      const rows = await scope.selectFrom('climate_import').select(['id', 'filename', 'periods', 'imported']).where('id', '<>', importId).execute();
      return rows.filter((r) => (JSON.parse(r.periods) as number[]).some((p) => want.has(p))).map((r) => ({ importId: r.id, filename: r.filename, n: r.imported }));
    },
    deleteLinesInPeriods: (periods: number[], keepImportId: string) => scope.deleteFrom('climate_ledger_line').where('period', 'in', periods).where('import_id', '<>', keepImportId).executeTakeFirst(),
    /** Takes replaced months off other imports; imports left with none are deleted, so their file can be imported again. */
    async dropPeriods(importIds: string[], periods: number[]) {
      const gone = new Set(periods);
      for (const id of importIds) {
        const r = await scope.selectFrom('climate_import').select('periods').where('id', '=', id).executeTakeFirst();
        if (!r) continue;
        const left = (JSON.parse(r.periods) as number[]).filter((p) => !gone.has(p));
        if (left.length) await scope.updateTable('climate_import').set({ periods: JSON.stringify(left), period_from: left[0]!, period_to: left.at(-1)! }).where('id', '=', id).execute();
        else await scope.deleteFrom('climate_import').where('id', '=', id).execute();
      }
    },

    /** Spend of a year grouped by month, ansvar, art, funksjon and supplier. */
    async spendGroups(year: number): Promise<SpendGroup[]> {
      const rows = await scope
        .selectFrom('climate_ledger_line')
        .select(['period', 'ansvar', 'art', 'funksjon', 'orgnr', sql<string | null>`max(supplier)`.as('supplier'), sql<number>`sum(amount_ore)`.as('ore'), sql<number>`count(*)`.as('lines')])
        .where('period', '>=', year * 100 + 1)
        .where('period', '<=', year * 100 + 12)
        .groupBy(['period', 'ansvar', 'art', 'funksjon', 'orgnr'])
        .execute();
      return rows.map((r) => ({ period: Number(r.period), ansvar: r.ansvar, art: r.art, funksjon: r.funksjon, orgnr: r.orgnr, supplierName: r.supplier, ore: Number(r.ore), lines: Number(r.lines) }));
    },
    years: async () => (await scope.selectFrom('climate_ledger_line').select(sql<number>`distinct period / 100`.as('year')).execute()).map((r) => Math.floor(Number(r.year))).sort(),

    /** Population by year (1 January) from the program's context indicator `population`. */
    async population(): Promise<Map<number, number>> {
      const rows = await scope
        .selectFrom('indicator_value')
        .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
        .select(['indicator_value.date as date', 'indicator_value.value as value'])
        .where('indicator.key', '=', 'population')
        .where('indicator.municipality_id', '=', scope.municipalityId)
        .execute();
      return new Map(rows.map((r) => [Number(r.date.slice(0, 4)), Number(r.value)]));
    },
    /** Organisation numbers with a verified environmental certificate valid some time in the year. */
    async certifiedOrgnrs(year: number): Promise<Set<string>> {
      const rows = await scope
        .selectFrom('cert_certificate')
        .innerJoin('organisation', 'organisation.id', 'cert_certificate.organisation_id')
        .select(['organisation.org_number as orgnr', 'cert_certificate.started_on as started', 'cert_certificate.issued_on as issued', 'cert_certificate.valid_until as until', 'cert_certificate.withdrawn_on as withdrawn'])
        .where('cert_certificate.verification', '=', 'verified')
        .where('organisation.municipality_id', '=', scope.municipalityId)
        .execute();
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      return new Set(rows.filter((r) => (r.started ?? r.issued ?? '0000') <= end && (r.until ?? '9999') >= start && (r.withdrawn ?? '9999') >= start).map((r) => r.orgnr));
    },
    ansvarUnits: () => scope.selectFrom('climate_ansvar_unit').select(['ansvar', 'unit_id']).execute(),
    upsertAnsvarUnit: async (row: { id: string; ansvar: string; unit_id: string; updated_at: string }) => {
      const cur = await scope.selectFrom('climate_ansvar_unit').select('id').where('ansvar', '=', row.ansvar).executeTakeFirst();
      if (cur) await scope.updateTable('climate_ansvar_unit').set({ unit_id: row.unit_id, updated_at: row.updated_at }).where('id', '=', cur.id).execute();
      else await scope.insertInto('climate_ansvar_unit', row).execute();
    },
    units: () => scope.selectFrom('org_unit').select(['id', 'key', 'name', 'parent_id']).orderBy('key').execute(),

    artMappings: () => scope.selectFrom('climate_art_mapping').selectAll().execute(),
    upsertArtMapping: async (row: { id: string; art: string; funksjon: string; category: string; rationale: string; updated_by_label: string; updated_at: string }) => {
      const cur = await scope.selectFrom('climate_art_mapping').select('id').where('art', '=', row.art).where('funksjon', '=', row.funksjon).executeTakeFirst();
      if (cur) await scope.updateTable('climate_art_mapping').set({ category: row.category, rationale: row.rationale, updated_by_label: row.updated_by_label, updated_at: row.updated_at }).where('id', '=', cur.id).execute();
      else await scope.insertInto('climate_art_mapping', row).execute();
    },

    supplierFactors: () => scope.selectFrom('climate_supplier_factor').selectAll().orderBy('orgnr').orderBy('year').execute(),
    upsertSupplierFactor: async (row: { id: string; orgnr: string; year: number; kg_per_nok: number; source: string; created_by_label: string; created_at: string }) => {
      await scope.deleteFrom('climate_supplier_factor').where('orgnr', '=', row.orgnr).where('year', '=', row.year).execute();
      await scope.insertInto('climate_supplier_factor', row).execute();
    },

    energyUses: (year?: number) => {
      let q = scope.selectFrom('climate_energy_use').selectAll();
      if (year !== undefined) q = q.where('year', '=', year);
      return q.orderBy('year').orderBy('ansvar').orderBy('carrier').execute();
    },
    /** Replaces the kWh of one ansvar, year and carrier. */
    upsertEnergyUse: async (row: { id: string; ansvar: string; year: number; carrier: string; kwh: number; source: string; created_by_label: string; created_at: string }) => {
      await scope.deleteFrom('climate_energy_use').where('ansvar', '=', row.ansvar).where('year', '=', row.year).where('carrier', '=', row.carrier).execute();
      await scope.insertInto('climate_energy_use', row).execute();
    },

    decisions: () => scope.selectFrom('climate_factor_decision').selectAll().execute(),
    upsertDecision: async (row: { id: string; set_key: string; category: string; value: number | null; note: string; decided_by_label: string; decided_at: string }) => {
      await scope.deleteFrom('climate_factor_decision').where('set_key', '=', row.set_key).where('category', '=', row.category).execute();
      await scope.insertInto('climate_factor_decision', row).execute();
    },
  };
}
