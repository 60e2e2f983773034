import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SystemActor } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { bootstrap } from '../platform/bootstrap.js';
import { municipalityRepository, type Municipality } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import type { Ctx } from '../platform/context.js';
import type { AppDeps } from '../platform/http/deps.js';
import { createUser } from '../platform/users/users.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { importBrreg } from '../organisations/organisations.service.js';
import { demoSlugs, seedDemo } from '../demo/demo.service.js';
import { CLI_COMMANDS } from './commands.js';
import { UsageError } from './usage-error.js';

export { UsageError };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  deps: AppDeps;
  args: string[];
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  io: CliIo;
  /** The tenant picked by --municipality, or the only one. */
  municipality(): Promise<Municipality>;
  /** A service context acting as the CLI (a system actor) in the picked municipality. */
  ctx(): Promise<Ctx>;
  print(human: string, data: unknown): void;
}

export type CliCommand = { usage: string; describe: string; options?: ParseArgsConfig['options']; needsDb?: boolean; run(c: CliContext): Promise<void> };

const USAGE = (cmds: Record<string, CliCommand>) =>
  `Usage: omstilling <command> [options]\n\nCommands:\n${Object.entries(cmds)
    .map(([name, c]) => `  ${(name + ' ' + c.usage).padEnd(58)} ${c.describe}`)
    .join('\n')}\n\nGlobal options:\n  --municipality SLUG   the tenant (default: the only one)\n  --json                machine-readable output\n\nDATABASE_URL picks the database (default sqlite:var/omstilling.db).\nExit codes: 0 success, 1 invalid input, 2 usage error.`;

const BASE_COMMANDS: Record<string, CliCommand> = {
  'db migrate': {
    usage: '',
    describe: 'create or upgrade the database schema',
    async run(c) {
      c.print('Databasen er oppdatert.', { ok: true }); // bootstrap already migrated
    },
  },
  'demo seed': {
    usage: '[SLUG]',
    describe: 'load the demo municipality (idempotent)',
    async run(c) {
      const slugs = c.args.length ? c.args : demoSlugs(c.deps.config.dataDir);
      const names = [];
      for (const s of slugs) names.push(await seedDemo(c.deps, s));
      c.print(`Demodata lastet: ${names.join(', ')}`, { seeded: slugs });
    },
  },
  'user create': {
    usage: '--email E --role R [--name N] [--password P] [--unit KEY] [--org ORGNR] [--domain D]…',
    describe: 'create a user account',
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, unit: { type: 'string' }, org: { type: 'string' }, domain: { type: 'string', multiple: true } },
    async run(c) {
      const f = c.flags as Record<string, string | undefined> & { domain?: string[] };
      if (!f.email || !f.role) throw new UsageError('user create needs --email and --role');
      const ctx = await c.ctx();
      const repo = organisationsRepository(ctx.scope);
      const unit = f.unit ? await repo.unitByKey(f.unit) : undefined;
      if (f.unit && !unit) throw AppError.validation(`Ukjent enhet: ${f.unit}`, [{ field: 'unit', message: `Ingen enhet med nøkkel «${f.unit}»` }]);
      const org = f.org ? await repo.organisationByNumber(f.org.replace(/\s/g, '')) : undefined;
      if (f.org && !org) throw AppError.validation(`Ukjent virksomhet: ${f.org}`, [{ field: 'org', message: `Ingen virksomhet med organisasjonsnummer ${f.org}` }]);
      const password = f.password ?? process.env.OMSTILLING_PASSWORD ?? null;
      const user = await createUser(ctx, { email: f.email, name: f.name ?? f.email, role: f.role as never, domains: (c.flags.domain as unknown as string[] | undefined) ?? [], unitId: unit?.id ?? null, organisationId: org?.id ?? null, password });
      c.print(`Bruker opprettet: ${user.email} (${user.role})`, user);
    },
  },
  'org import-brreg': {
    usage: 'FILE',
    describe: 'import organisations from Brønnøysund JSON (page or bulk)',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('org import-brreg needs a FILE');
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new AppError('import_failed', `${file}: ${(e as Error).message}`, [{ file, message: (e as Error).message }]);
      }
      const m = await c.municipality();
      const result = await importBrreg(await c.ctx(), json, [m.number, ...m.previousNumbers], file);
      c.print(`${file}: ${result.inFile} i filen, ${result.inMunicipality} i kommunen: ${result.created} nye, ${result.updated} endret, ${result.unchanged} uendret`, result);
    },
  },
  backup: {
    usage: 'FILE',
    describe: 'online backup of the SQLite database (PostgreSQL: use pg_dump)',
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('backup needs a FILE');
      const sqlite = c.deps.database.sqlite;
      if (!sqlite) {
        c.io.err(`På PostgreSQL: bruk pg_dump, f.eks.  pg_dump --format=custom --file=${file} "$DATABASE_URL"`);
        throw new AppError('validation', 'backup støtter bare SQLite');
      }
      await sqlite.backup(file);
      c.print(`Sikkerhetskopi skrevet til ${file}`, { file, bytes: fs.statSync(file).size });
    },
  },
  restore: {
    usage: 'FILE',
    describe: 'replace the SQLite database with a backup (stop the server first)',
    needsDb: false,
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('restore needs a FILE');
      const config = c.deps.config;
      if (config.database.engine !== 'sqlite') throw new AppError('validation', 'restore støtter bare SQLite; på PostgreSQL: bruk pg_restore');
      if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
      const head = fs.readFileSync(file).subarray(0, 16).toString('latin1');
      if (head !== 'SQLite format 3\0') throw AppError.validation(`${file} er ikke en SQLite-database`, [{ file, message: 'ikke en SQLite-fil' }]);
      const target = config.database.file;
      for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
      fs.copyFileSync(file, `${target}.restoring`);
      fs.renameSync(`${target}.restoring`, target);
      c.print(`Databasen er gjenopprettet fra ${file}`, { file, target });
    },
  },
};

/** Runs the CLI; returns the exit code (0 ok, 1 invalid input, 2 usage). */
export async function run(argv: string[], env: Record<string, string | undefined>, io: CliIo = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }): Promise<number> {
  const commands = { ...BASE_COMMANDS, ...CLI_COMMANDS };
  const name = [argv.slice(0, 2).join(' '), argv[0] ?? ''].find((n) => n in commands);
  if (!name || argv.includes('--help') || argv.includes('-h')) {
    (name ? io.out : io.err)(USAGE(commands));
    return name ? 0 : 2;
  }
  const cmd = commands[name]!;
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(name.split(' ').length), allowPositionals: true, options: { municipality: { type: 'string' }, json: { type: 'boolean' }, ...(cmd.options ?? {}) } });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${name} ${cmd.usage}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
  const json = parsed.values.json === true;
  let deps: AppDeps | null = null;
  try {
    deps = cmd.needsDb === false ? ({ config } as AppDeps) : await bootstrap(config);
    const d = deps;
    let picked: Municipality | null = null;
    const municipality = async () => {
      if (picked) return picked;
      const all = await municipalityRepository(d.db).all();
      const slug = parsed.values.municipality as string | undefined;
      const m = slug ? all.find((x) => x.slug === slug || x.id === slug || x.number === slug) : all.length === 1 ? all[0] : undefined;
      if (!m) throw new UsageError(slug ? `Unknown municipality: ${slug} (known: ${all.map((x) => x.slug).join(', ') || 'none'})` : all.length ? `Several municipalities; pick one with --municipality (${all.map((x) => x.slug).join(', ')})` : 'No municipality yet: run `omstilling demo seed` or `omstilling program import` after creating one');
      return (picked = m);
    };
    await cmd.run({
      deps: d,
      args: parsed.positionals,
      flags: parsed.values as Record<string, string | boolean | undefined>,
      json,
      io,
      municipality,
      async ctx() {
        const m = await municipality();
        const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'kommandolinje' };
        return { scope: new TenantScope(d.db, m.id), actor, now: d.now };
      },
      print(human, data) {
        io.out(json ? JSON.stringify(data, null, 2) : human);
      },
    });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof AppError) {
      if (json) io.err(JSON.stringify({ code: e.code, message: e.message, details: e.details }, null, 2));
      else {
        io.err(`Feil: ${e.message}`);
        for (const d of e.details) io.err(`  ${[d.file, d.line !== undefined ? `linje ${d.line}` : null, d.field].filter(Boolean).join(', ')}: ${d.message}`);
      }
      return 1;
    }
    throw e;
  } finally {
    if (deps?.database) await deps.database.close();
  }
}
