import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { registerRepository } from './enterprise-register.repository.js';

interface DemoFile {
  ventures: { orgNumber: string | null; name: string; kind: string; activity: string; impactArea: string; sdgs: number[] }[];
  /** `venture` is the org. number, or the name of a venture without one; `tender` a tender reference; `application` a grant application title. */
  engagements: { venture: string; kind: string; title: string; startDate: string; endDate?: string | null; valueNok?: number | null; tender?: string; application?: string; note?: string }[];
  youthCompanies: { name: string; year: number; idea: string; participants: number; outcome: string; schoolKey?: string; schoolName?: string; orgNumber?: string | null; prize?: string; support: string; supportNok?: number | null }[];
  cluster: {
    members: { orgNumber: string; theme: string; joinedOn: string; leftOn: string | null; description: string }[];
    events: { title: string; date: string; place: string; description: string; participants: string[] }[];
    projects: { title: string; description: string; theme: string; startDate: string; endDate: string | null; members: string[] }[];
  };
}

/**
 * Loads data/demo/<slug>/enterprise-register.json: social enterprises and green start-ups with
 * contracts (one linked to a procurement tender), pilots and grants (linked to the grant-round
 * demo's decisions), youth companies per year, and the green cluster with members, events and
 * projects. Runs after the procurement and grant-round demos. Written directly; idempotent.
 */
export const enterpriseRegisterDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'enterprise-register.json');
  if (!fs.existsSync(file)) return;
  const repo = registerRepository(ctx.scope);
  if ((await repo.allVentures()).length || (await repo.members()).length) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgs = organisationsRepository(ctx.scope);
  const at = nowIso(ctx);
  const by = actorLabel(ctx.actor);
  const stamp = { created_by_label: by, created_at: at, updated_at: at };
  const org = async (nr: string) => {
    const o = await orgs.organisationByNumber(nr);
    if (!o) throw new Error(`enterprise-register.json: unknown organisation ${nr}`);
    return o;
  };

  const ventureIds = new Map<string, string>();
  for (const v of demo.ventures) {
    const id = newId();
    const o = v.orgNumber ? await orgs.organisationByNumber(v.orgNumber) : undefined;
    await repo.insertVenture({ id, organisation_id: o?.id ?? null, org_number: v.orgNumber, name: v.name, kind: v.kind, activity: v.activity, impact_area: v.impactArea, sdgs: JSON.stringify(v.sdgs), ...stamp });
    ventureIds.set(v.orgNumber ?? v.name, id);
  }
  const tenders = new Map((await repo.tenders()).map((t) => [t.reference, t.id]));
  const granted = await repo.grantedApplications();
  for (const e of demo.engagements) {
    const ventureId = ventureIds.get(e.venture);
    if (!ventureId) throw new Error(`enterprise-register.json: unknown venture ${e.venture}`);
    const app = e.application ? granted.find((a) => a.title === e.application) : undefined;
    if (e.application && !app) continue; // the grant-round demo is not loaded
    const value = e.valueNok ?? (app ? Number(app.granted_ore) / 100 : null);
    await repo.insertEngagement({ id: newId(), venture_id: ventureId, kind: e.kind, title: e.title, start_date: app?.decided_at?.slice(0, 10) ?? e.startDate, end_date: e.endDate ?? null, value_ore: value === null ? null : Math.round(value * 100), tender_id: e.tender ? (tenders.get(e.tender) ?? null) : null, application_id: app?.id ?? null, note: e.note ?? null, ...stamp });
  }

  const youth = [];
  for (const c of demo.youthCompanies) {
    const unit = c.schoolKey ? await orgs.unitByKey(c.schoolKey) : undefined;
    if (c.schoolKey && !unit) throw new Error(`enterprise-register.json: unknown school ${c.schoolKey}`);
    youth.push({ id: newId(), name: c.name, school_unit_id: unit?.id ?? null, school_name: unit ? null : (c.schoolName ?? null), year: c.year, idea: c.idea, participants: c.participants, outcome: c.outcome, org_number: c.orgNumber ?? null, prize: c.prize ?? null, support: c.support, support_ore: c.supportNok === undefined || c.supportNok === null ? null : c.supportNok * 100, ...stamp });
  }
  await repo.insertYouth(youth);

  const orgId = new Map<string, string>();
  for (const m of demo.cluster.members) {
    const o = await org(m.orgNumber);
    orgId.set(m.orgNumber, o.id);
    await repo.insertMember({ id: newId(), organisation_id: o.id, theme: m.theme, joined_on: m.joinedOn, left_on: m.leftOn, description: m.description, ...stamp });
  }
  const idsOf = async (nrs: string[]) => Promise.all(nrs.map(async (nr) => orgId.get(nr) ?? (await org(nr)).id));
  for (const e of demo.cluster.events) await repo.insertEvent({ id: newId(), title: e.title, date: e.date, place: e.place, description: e.description, participant_ids: JSON.stringify(await idsOf(e.participants)), created_by_label: by, created_at: at });
  for (const p of demo.cluster.projects) await repo.insertProject({ id: newId(), title: p.title, description: p.description, theme: p.theme, start_date: p.startDate, end_date: p.endDate, member_ids: JSON.stringify(await idsOf(p.members)), ...stamp });
};
