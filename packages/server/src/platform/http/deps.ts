import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Storage } from '../files/storage.js';
import type { ReferenceData } from '../reference.js';

/** Everything the HTTP app needs from outside; tests build their own. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  storage: Storage;
  reference: ReferenceData;
  now: () => Date;
}
