import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'a-production-secret-that-is-long-enough-0123456789';
const production = { NODE_ENV: 'production', SESSION_SECRET: SECRET, DATABASE_URL: 'postgres://app@db.example:5432/omstilling' };

/** The ConfigError loadConfig throws for env, or a failure if it throws something else or nothing. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/omstilling');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw new Error(`expected a ConfigError, got ${String(e)}`);
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}, but the configuration was accepted`);
}

describe('loadConfig', () => {
  it('accepts a complete production configuration (so the refusals below are about one variable each)', () => {
    const c = loadConfig({ ...production, PORT: '8080', PUBLIC_URL: 'https://omstilling.example/' }, '/srv/omstilling');
    expect(c).toMatchObject({ port: 8080, publicUrl: 'https://omstilling.example', sessionSecret: SECRET, database: { engine: 'postgres', url: production.DATABASE_URL } });
    expect(loadConfig({ DATABASE_URL: 'sqlite:var/x.db' }, '/srv/omstilling').database).toEqual({ engine: 'sqlite', file: '/srv/omstilling/var/x.db' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    const e = configError({ ...production, [variable]: value });
    expect(e.variable).toBe(variable);
    expect(e.message).toContain(variable);
    expect(e.message).toContain(value);
  });

  it.each(['mysql://db/omstilling', 'sqlite:', 'postgres://[::1', 'var/omstilling.db', 'file:omstilling.db'])('refuses DATABASE_URL=%s, naming the variable', (value) => {
    const e = configError({ ...production, DATABASE_URL: value });
    expect(e.variable).toBe('DATABASE_URL');
    expect(e.message).toMatch(/^Invalid configuration: DATABASE_URL: /);
  });

  it('refuses a missing or short SESSION_SECRET in production, and accepts 32 characters', () => {
    for (const env of [{ ...production, SESSION_SECRET: '' }, { ...production, SESSION_SECRET: 'x'.repeat(31) }, { NODE_ENV: 'production', DATABASE_URL: production.DATABASE_URL }]) {
      const e = configError(env as Record<string, string>);
      expect(e.variable).toBe('SESSION_SECRET');
      expect(e.message).toContain('SESSION_SECRET');
      expect(e.message).toContain('32');
    }
    expect(loadConfig({ ...production, SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toHaveLength(32);
  });

  it('lets development run without a secret, but never with a short one', () => {
    expect(loadConfig({}).sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(configError({ SESSION_SECRET: 'kort' }).variable).toBe('SESSION_SECRET');
  });

  it.each([
    ['PUBLIC_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_DEMO', 'maybe'],
    ['SESSION_TTL_HOURS', '0'],
    ['SMTP_URL', 'http://mail.example'],
  ])('names %s when it is wrong', (variable, value) => {
    expect(configError({ ...production, [variable]: value }).variable).toBe(variable);
  });

  it('names the missing OIDC variable when OIDC_ISSUER is set', () => {
    expect(configError({ ...production, OIDC_ISSUER: 'https://idp.example' }).variable).toBe('OIDC_CLIENT_ID');
    expect(configError({ ...production, OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'omstilling' }).variable).toBe('OIDC_CLIENT_SECRET');
  });
});
