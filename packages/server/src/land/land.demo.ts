import fs from 'node:fs';
import path from 'node:path';
import { validateLandApplication, validateLandCallCriteria, validateLandPlot } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { osloToday } from '../foodwaste/foodwaste.service.js';
import { landRepository, type ApplicationRow, type CallRow, type PlotRow } from './land.repository.js';
import { rankingSnapshot, type ApplicationBody } from './land.service.js';

interface DemoFile {
  plots: { key: string; name: string; areaM2: number; zoningPlanId: string; place: string; lat: number; lon: number; widthM: number }[];
  calls: {
    plot: string;
    title: string;
    description?: string;
    normalisation: string;
    criteria: { id: string; weight: number }[];
    opensOn: string;
    deadline?: string;
    deadlineDaysFromToday?: number;
    applications: (Omit<ApplicationBody, 'organisationId'> & { orgNumber: string })[];
    decision?: { winner: string | null; outcome: string; decidedOn: string; caseNumber: string; reason: string };
  }[];
}

/** A square outline of the given width (m) around a WGS84 point, as a closed GeoJSON ring. */
function square(lat: number, lon: number, widthM: number) {
  const dLat = widthM / 2 / 111_320;
  const dLon = widthM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const ring = [[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]].map(([x, y]) => [r(x!), r(y!)]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}

/**
 * Loads the business-land demo (data/demo/<slug>/land.json): plots, decided calls with their
 * applications and decisions (the program's history; the decision log keeps the ranking as the
 * service computes it), and one open call whose deadline lies ahead of today. Every row passes the
 * same checks as the services; a bad demo file stops the seed with the reason. Like the other demo
 * steps it writes no audit entries. Skipped when the municipality has plots.
 */
export const landDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'land.json');
  if (!fs.existsSync(file)) return;
  const repo = landRepository(ctx.scope);
  if ((await repo.plots({}, 1, 0)).total > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgRepo = organisationsRepository(ctx.scope);
  const orgs = new Map((await ctx.scope.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.id, o]));
  const at = nowIso(ctx);
  const today = osloToday(ctx);
  const plusDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const fail = (what: string, issues: { field: string; message: string }[]) => {
    if (issues.length) throw new Error(`land.json: ${what}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  };
  const plots = new Map<string, PlotRow>();
  for (const p of demo.plots) {
    fail(p.name, validateLandPlot({ ...p, status: 'available' }));
    const row: PlotRow = { id: newId(), municipality_id: ctx.scope.municipalityId, name: p.name, area_m2: p.areaM2, zoning_plan_id: p.zoningPlanId, place: p.place, lat: p.lat, lon: p.lon, polygon: JSON.stringify(square(p.lat, p.lon, p.widthM)), status: 'available', note: 'Fiktiv demotomt', created_at: at, updated_at: at };
    const { municipality_id: _m, ...insert } = row;
    await repo.insertPlot(insert);
    plots.set(p.key, row);
  }
  for (const c of demo.calls) {
    const plot = plots.get(c.plot)!;
    fail(c.title, validateLandCallCriteria({ normalisation: c.normalisation, criteria: c.criteria }));
    const decided = !!c.decision && c.decision.decidedOn <= today;
    const call: CallRow = { id: newId(), municipality_id: ctx.scope.municipalityId, plot_id: plot.id, title: c.title, description: c.description ?? null, normalisation: c.normalisation, criteria: JSON.stringify(c.criteria), opens_on: c.opensOn <= today ? c.opensOn : today, deadline: c.deadline ?? plusDays(c.deadlineDaysFromToday ?? 30), status: decided ? 'decided' : 'open', created_by_label: 'demodata', created_at: at, updated_at: at };
    const { municipality_id: _m, ...insertCall } = call;
    await repo.insertCall(insertCall);
    const apps: ApplicationRow[] = [];
    const byNumber = new Map<string, string>();
    for (const a of c.applications) {
      const org = await orgRepo.organisationByNumber(a.orgNumber);
      if (!org) continue;
      fail(`${c.title}/${a.orgNumber}`, validateLandApplication({ ...a, certification: a.certification ?? null }, plot.area_m2));
      const row: ApplicationRow = { id: newId(), municipality_id: ctx.scope.municipalityId, call_id: call.id, organisation_id: org.id, expected_jobs: a.expectedJobs, building_m2: a.buildingM2, activity: a.activity, sn2007_code: a.sn2007Code, certification: a.certification ?? null, green_score: a.greenScore, traffic_per_day: a.trafficPerDay, submitted_by_label: 'demodata', created_at: at, updated_at: at };
      const { municipality_id: _x, ...insertApp } = row;
      await repo.insertApplication(insertApp);
      apps.push(row);
      byNumber.set(a.orgNumber, row.id);
    }
    let plotStatus = 'in_call';
    if (decided) {
      const d = c.decision!;
      const winner = d.winner ? (byNumber.get(d.winner) ?? null) : null;
      const outcome = winner ? d.outcome : 'none';
      await repo.insertDecision({ id: newId(), call_id: call.id, plot_id: plot.id, application_id: winner, outcome, decided_on: d.decidedOn, reason: d.reason, case_number: d.caseNumber, ranking: JSON.stringify(rankingSnapshot(call, plot, apps, orgs)), decided_by_label: 'demodata', created_at: at });
      plotStatus = outcome === 'none' ? 'available' : outcome;
    }
    await repo.updatePlot(plot.id, { status: plotStatus, updated_at: at });
  }
};
