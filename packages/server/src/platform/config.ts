import path from 'node:path';

/** The server's whole configuration, read once from the environment. */
export interface Config {
  readonly databaseUrl: string;
  readonly database: { readonly engine: 'sqlite'; readonly file: string } | { readonly engine: 'postgres'; readonly url: string };
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly sessionSecret: string;
  readonly sessionTtlHours: number;
  readonly storageDir: string;
  readonly webDistDir: string;
  readonly dataDir: string;
  readonly seedDemo: boolean;
  readonly defaultMunicipality: string | null;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly label: string; readonly allowInsecure: boolean } | null;
  readonly smtp: { readonly url: string; readonly from: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEV_SECRET = 'omstilling-development-secret-change-me-0123456789';

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function url(env: Env, name: string, fallback: string | null): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(name, `expected a URL, got "${raw}"`);
  }
}

/** Reads and validates the configuration; throws ConfigError naming the variable at fault. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL || 'sqlite:var/omstilling.db';
  let database: Config['database'];
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (!file) throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:var/omstilling.db');
    database = { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  } else if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'not a valid postgres:// URL');
    }
    database = { engine: 'postgres', url: databaseUrl };
  } else {
    throw new ConfigError('DATABASE_URL', `expected sqlite:PATH or postgres://…, got "${databaseUrl}"`);
  }

  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = url(env, 'PUBLIC_URL', `http://localhost:${port}`)!;
  const production = env.NODE_ENV === 'production';
  const sessionSecret = env.SESSION_SECRET || (production ? '' : DEV_SECRET);
  if (sessionSecret.length < 32) throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters (required when NODE_ENV=production)');

  const oidcIssuer = url(env, 'OIDC_ISSUER', null);
  let oidc: Config['oidc'] = null;
  if (oidcIssuer) {
    if (!env.OIDC_CLIENT_ID) throw new ConfigError('OIDC_CLIENT_ID', 'required when OIDC_ISSUER is set');
    if (!env.OIDC_CLIENT_SECRET) throw new ConfigError('OIDC_CLIENT_SECRET', 'required when OIDC_ISSUER is set');
    oidc = {
      issuer: oidcIssuer,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      label: env.OIDC_LABEL || 'ID-porten',
      allowInsecure: bool(env, 'OIDC_ALLOW_INSECURE', false),
    };
  }
  const smtpUrl = env.SMTP_URL;
  let smtp: Config['smtp'] = null;
  if (smtpUrl) {
    if (!/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL', `expected smtp://host:port or smtps://…, got "${smtpUrl}"`);
    smtp = { url: smtpUrl, from: env.SMTP_FROM || 'Omstilling <noreply@omstilling.invalid>' };
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) throw new ConfigError('LOG_LEVEL', `unknown level "${logLevel}"`);

  return {
    databaseUrl,
    database,
    host,
    port,
    publicUrl,
    sessionSecret,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    storageDir: path.resolve(cwd, env.STORAGE_DIR || 'var/storage'),
    webDistDir: path.resolve(cwd, env.WEB_DIST_DIR || 'packages/web/dist'),
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    seedDemo: bool(env, 'SEED_DEMO', database.engine === 'sqlite'),
    defaultMunicipality: env.DEFAULT_MUNICIPALITY || null,
    logLevel,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    oidc,
    smtp,
  };
}
