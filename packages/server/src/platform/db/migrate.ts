import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from './migrations/2026-11-27T2100-foundation.js';
import * as program from './migrations/2026-11-27T2200-program.js';
import * as certification from './migrations/2026-11-28T1040-certification.js';
import * as foodwaste from './migrations/2026-11-28T1200-foodwaste.js';
import * as foodwasteLists from './migrations/2026-11-29T0000-foodwaste-lists.js';
import * as loginFailures from './migrations/2026-11-29T0010-login-failures.js';
import * as apprenticeships from './migrations/2026-11-29T0020-apprenticeships.js';
import * as enterprise from './migrations/2026-11-29T0030-enterprise.js';
import * as procurement from './migrations/2026-11-29T0100-procurement.js';
import * as climate from './migrations/2026-11-29T0200-climate.js';
import * as investments from './migrations/2026-11-29T0300-investments.js';
import * as footprint from './migrations/2026-11-29T0400-footprint.js';

// Every migration, by its frozen name. Add new ones at the end; never rename.
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27T2100-foundation': foundation,
  '2026-11-27T2200-program': program,
  '2026-11-28T1040-certification': certification,
  '2026-11-28T1200-foodwaste': foodwaste,
  '2026-11-29T0000-foodwaste-lists': foodwasteLists,
  '2026-11-29T0010-login-failures': loginFailures,
  '2026-11-29T0020-apprenticeships': apprenticeships,
  '2026-11-29T0030-enterprise': enterprise,
  '2026-11-29T0100-procurement': procurement,
  '2026-11-29T0200-climate': climate,
  '2026-11-29T0300-investments': investments,
  '2026-11-29T0400-footprint': footprint,
};

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  // The schema must be named when there is one: otherwise Kysely may find another schema's lock table.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
