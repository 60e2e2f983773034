import fs from 'node:fs';
import path from 'node:path';
import type { Role, SystemActor } from '@omstilling/core';
import type { AppDeps } from '../platform/http/deps.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { TenantScope } from '../platform/tenant.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { hashPassword } from '../platform/auth/password.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { organisationColumns, type OrganisationInput } from '../organisations/organisations.service.js';
import { usersRepository } from '../platform/users/users.repository.js';
import { DEMO_STEPS } from './demo.steps.js';

interface DemoMunicipality {
  slug: string;
  name: string;
  number: string;
  previousNumbers: string[];
  hosts: string[];
  locale?: string;
}
interface DemoUnit {
  key: string;
  parent: string | null;
  kind: string;
  type: string;
  name: string;
  address?: string | null;
  postalCode?: string | null;
  place?: string | null;
  staff?: number;
}
type DemoOrganisation = OrganisationInput;
interface DemoUser {
  email: string;
  name: string;
  role: Role;
  domains?: string[];
  unitKey?: string;
  orgNumber?: string;
  password: string;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The demo municipalities shipped in data/demo (one folder each). */
export function demoSlugs(dataDir: string): string[] {
  const dir = path.join(dataDir, 'demo');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.existsSync(path.join(dir, f, 'municipality.json'))) : [];
}

/**
 * Loads one demo municipality from data/demo/<slug>: units, organisations, users, then each
 * domain's own demo step. Idempotent: what exists (by key, org. number, e-mail) is left alone.
 */
export async function seedDemo(deps: AppDeps, slug: string): Promise<string> {
  const dir = path.join(deps.config.dataDir, 'demo', slug);
  const m = readJson<DemoMunicipality>(path.join(dir, 'municipality.json'));
  const at = deps.now().toISOString();
  const municipality = await municipalityRepository(deps.db).upsert({ slug: m.slug, name: m.name, number: m.number, previousNumbers: m.previousNumbers, hosts: m.hosts, locale: m.locale ?? 'nb' }, at);
  const actor: SystemActor = { kind: 'system', municipalityId: municipality.id, label: 'demodata' };
  const base = new TenantScope(deps.db, municipality.id);

  await base.transaction(async (scope) => {
    const ctx: Ctx = { scope, actor, now: deps.now };
    const orgs = organisationsRepository(scope);
    const units = readJson<DemoUnit[]>(path.join(dir, 'units.json'));
    const idByKey = new Map((await orgs.allUnits()).map((u) => [u.key, u.id]));
    let created = 0;
    for (const u of units) {
      if (idByKey.has(u.key)) continue;
      const id = newId();
      const parentId = u.parent ? idByKey.get(u.parent) : null;
      if (u.parent && !parentId) throw new Error(`${slug}/units.json: unit ${u.key}: parent ${u.parent} must come before it`);
      await orgs.insertUnit({ id, key: u.key, parent_id: parentId ?? null, kind: u.kind, type: u.type, name: u.name, address: u.address ?? null, postal_code: u.postalCode ?? null, place: u.place ?? null, staff: u.staff ?? 0, created_at: at, updated_at: at });
      idByKey.set(u.key, id);
      created++;
    }
    const orgFile = path.join(dir, 'organisations.json');
    const orgIdByNumber = new Map<string, string>();
    if (fs.existsSync(orgFile)) {
      for (const o of readJson<DemoOrganisation[]>(orgFile)) {
        const existing = await orgs.organisationByNumber(o.orgNumber);
        if (existing) {
          orgIdByNumber.set(o.orgNumber, existing.id);
          continue;
        }
        const id = newId();
        await orgs.insertOrganisation({ id, ...organisationColumns(o), parent_org_number: null, source: 'demo', created_at: at, updated_at: at });
        orgIdByNumber.set(o.orgNumber, id);
        created++;
      }
    }
    const userFile = path.join(dir, 'users.json');
    if (fs.existsSync(userFile)) {
      const users = usersRepository(scope);
      for (const u of readJson<DemoUser[]>(userFile)) {
        if (await users.byEmail(u.email)) continue;
        await users.insert({
          id: newId(),
          email: u.email.toLowerCase(),
          name: u.name,
          password_hash: await hashPassword(u.password),
          role: u.role,
          domains: JSON.stringify(u.domains ?? []),
          unit_id: u.unitKey ? (idByKey.get(u.unitKey) ?? null) : null,
          organisation_id: u.orgNumber ? (orgIdByNumber.get(u.orgNumber) ?? null) : null,
          oidc_issuer: null,
          oidc_subject: null,
          active: 1,
          created_at: at,
          updated_at: at,
          last_login_at: null,
        });
        created++;
      }
    }
    if (created) await recordAudit(ctx, { action: 'import', entityType: 'demo', entityId: slug, summary: `Demodata lastet: ${created} poster` });
    for (const step of DEMO_STEPS) await step(ctx, dir, deps);
  });
  return m.name;
}

/** On first start: loads every demo municipality when the database has none. */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<string | null> {
  if ((await municipalityRepository(deps.db).all()).length) return null;
  const names: string[] = [];
  for (const slug of demoSlugs(deps.config.dataDir)) names.push(await seedDemo(deps, slug));
  return names.join(', ') || null;
}
