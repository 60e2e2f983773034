import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { folderStorage } from './files/storage.js';
import { loadReferenceData } from './reference.js';
import type { AppDeps } from './http/deps.js';
import { registerPublishers } from '../publishers.js';

/** Opens and migrates the database and loads reference data: everything the app and CLI share. */
export async function bootstrap(config: Config, options: { pgSchema?: string; now?: () => Date } = {}): Promise<AppDeps> {
  registerPublishers();
  const database: Database = openDatabase(config.database, options);
  await migrateToLatest(database.db, options.pgSchema);
  return {
    config,
    database,
    db: database.db,
    storage: folderStorage(config.storageDir),
    reference: loadReferenceData(config.dataDir),
    now: options.now ?? (() => new Date()),
  };
}
