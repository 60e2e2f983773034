import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../platform/config.js';
import { bootstrap } from '../platform/bootstrap.js';
import type { AppDeps } from '../platform/http/deps.js';
import type { Ctx } from '../platform/context.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';

/** The engines every repository and service test runs on: SQLite always, PostgreSQL when TEST_PG_URL is set. */
export const ENGINES: ('sqlite' | 'postgres')[] = process.env.TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestEnv {
  deps: AppDeps;
  config: Config;
  close(): Promise<void>;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/**
 * A fresh, migrated database of the given engine: a temp SQLite file, or a new schema in the
 * TEST_PG_URL database (dropped on close), so parallel test files never share rows.
 */
export async function createTestEnv(engine: 'sqlite' | 'postgres', env: Record<string, string> = {}, now?: () => Date): Promise<TestEnv> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-test-'));
  let databaseUrl = `sqlite:${path.join(tmp, 'test.db')}`;
  let pgSchema: string | undefined;
  if (engine === 'postgres') {
    const url = process.env.TEST_PG_URL;
    if (!url) throw new Error('TEST_PG_URL is not set');
    pgSchema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect(); // a missing PostgreSQL fails the test here, it is never skipped
    await client.query(`create schema ${pgSchema}`);
    await client.end();
    databaseUrl = url;
  }
  const config = loadConfig({ DATABASE_URL: databaseUrl, STORAGE_DIR: path.join(tmp, 'storage'), LOG_LEVEL: 'silent', DATA_DIR: path.join(REPO_ROOT, 'data'), WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? path.join(REPO_ROOT, 'packages/web/dist'), ...env }, REPO_ROOT);
  const deps = await bootstrap(config, { pgSchema, now });
  return {
    deps,
    config,
    async close() {
      await deps.database.close();
      if (pgSchema) {
        const client = new pg.Client({ connectionString: process.env.TEST_PG_URL });
        await client.connect();
        await client.query(`drop schema ${pgSchema} cascade`);
        await client.end();
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** A service context acting as the platform itself in a seeded municipality, for service tests. */
export async function systemCtx(deps: AppDeps, slug: string, now: () => Date = deps.now): Promise<Ctx> {
  const m = await municipalityRepository(deps.db).bySlug(slug);
  if (!m) throw new Error(`no municipality ${slug}: seed it first`);
  return { scope: new TenantScope(deps.db, m.id), actor: { kind: 'system', municipalityId: m.id, label: 'test' }, now };
}
