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
import * as campaign from './migrations/2026-11-30T0600-campaign.js';
import * as enterpriseRegister from './migrations/2026-11-30T0100-enterprise-register.js';
import * as circular from './migrations/2026-11-30T0300-circular.js';
import * as agriculture from './migrations/2026-11-30T0500-agriculture.js';
import * as services from './migrations/2026-11-30T0700-services.js';
import * as economy from './migrations/2026-11-30T0200-economy.js';
import * as land from './migrations/2026-11-30T0400-land.js';
import * as climateEnergy from './migrations/2026-11-30T0800-climate-energy.js';

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
  '2026-11-30T0600-campaign': campaign,
  '2026-11-30T0100-enterprise-register': enterpriseRegister,
  '2026-11-30T0300-circular': circular,
  '2026-11-30T0500-agriculture': agriculture,
  '2026-11-30T0700-services': services,
  '2026-11-30T0200-economy': economy,
  '2026-11-30T0400-land': land,
  '2026-11-30T0800-climate-energy': climateEnergy,
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
