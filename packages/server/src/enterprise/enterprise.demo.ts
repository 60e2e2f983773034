import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { usersRepository } from '../platform/users/users.repository.js';
import { enterpriseRepository } from './enterprise.repository.js';

interface DemoApplication {
  orgNumber: string;
  title: string;
  summary: string;
  amountNok: number;
  scores: { reviewer?: number[]; admin?: number[]; conflict?: 'admin' | 'reviewer' };
  decision?: { grantedNok?: number; declined?: boolean; caseNumber: string };
  report?: string;
}
interface DemoFile {
  calls: { title: string; description: string; opensAt: string; deadline: string; budgetNok: number; minReviewers: number; criteria: { key: string; name: string; weight: number; maxScore: number }[]; applications: DemoApplication[] }[];
}

const REVIEWER = 'jonas.fjellvik@asker.example';
const ADMIN = 'admin@asker.example';

/**
 * Loads the grant-round demo (data/demo/<slug>/enterprise.json): a decided round with reviews by
 * the enterprise editor and the admin (one conflict of interest), decisions and a report, and an
 * open round with one application. Written directly (the rounds are in the past). Idempotent.
 */
export const enterpriseDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'enterprise.json');
  if (!fs.existsSync(file)) return;
  const repo = enterpriseRepository(ctx.scope);
  if ((await repo.calls()).length) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const users = usersRepository(ctx.scope);
  const reviewer = await users.byEmail(REVIEWER);
  const admin = await users.byEmail(ADMIN);
  if (!reviewer || !admin) throw new Error(`enterprise.json: the demo reviewers ${REVIEWER} and ${ADMIN} must exist`);
  const orgs = organisationsRepository(ctx.scope);
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);
  for (const c of demo.calls) {
    const callId = newId();
    await repo.insertCall({ id: callId, domain: 'enterprise', title: c.title, description: c.description, opens_at: c.opensAt, deadline: c.deadline, budget_ore: c.budgetNok * 100, min_reviewers: c.minReviewers, criteria: JSON.stringify(c.criteria), created_by_label: label, created_at: c.opensAt, updated_at: at });
    const submitted = new Date(Date.parse(c.deadline) - 5 * 86_400_000).toISOString();
    const decidedAt = new Date(Date.parse(c.deadline) + 30 * 86_400_000).toISOString();
    for (const a of c.applications) {
      const org = await orgs.organisationByNumber(a.orgNumber);
      if (!org) throw new Error(`enterprise.json: unknown organisation ${a.orgNumber}`);
      const id = newId();
      const d = a.decision;
      await repo.insertApplication({ id, call_id: callId, organisation_id: org.id, title: a.title, summary: a.summary, amount_ore: a.amountNok * 100, file_ids: '[]', state: d ? (d.declined ? 'declined' : a.report ? 'reported' : 'granted') : 'submitted', granted_ore: d?.grantedNok ? d.grantedNok * 100 : null, decision_note: null, case_number: d?.caseNumber ?? null, decided_at: d ? decidedAt : null, decided_by_label: d ? reviewer.name : null, submitted_by_label: org.name, submitted_at: submitted, updated_at: at });
      for (const [who, user] of [['reviewer', reviewer], ['admin', admin]] as const) {
        const conflict = a.scores.conflict === who;
        const s = a.scores[who];
        if (!conflict && !s) continue;
        const scores = conflict ? {} : Object.fromEntries(c.criteria.map((k, i) => [k.key, s![i]!]));
        await repo.insertReview({ id: newId(), application_id: id, reviewer_id: user.id, reviewer_label: user.name, conflict: conflict ? 1 : 0, conflict_reason: conflict ? 'Sitter i styret hos søkeren' : null, scores: JSON.stringify(scores), comment: null, updated_at: c.deadline });
      }
      if (a.report) await repo.insertReport({ id: newId(), application_id: id, text: a.report, file_ids: '[]', submitted_by_label: org.name, submitted_at: new Date(Date.parse(decidedAt) + 150 * 86_400_000).toISOString() });
    }
  }
};
