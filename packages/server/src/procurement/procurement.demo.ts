import fs from 'node:fs';
import path from 'node:path';
import type { DemoStep } from '../demo/demo.steps.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { procurementRepository } from './procurement.repository.js';
import { awardTender, createTender, loadStarterCriteria, publishTender, recordOutcome, saveBid, type BidInput, type OutcomeInput, type TenderInput } from './procurement.service.js';

interface DemoTender extends Omit<TenderInput, 'unitId'> {
  unit: string;
  draft?: boolean;
  publishedOn?: string;
  bids: BidInput[];
  award: { bid: string; startDate: string; endDate: string; firstCheckAfterDays?: number } | null;
  outcomes: (OutcomeInput & { key: string; n: number })[];
}

/** Loads the starter criteria library and a few realistic tenders: one awarded with follow-ups done, one with an overdue follow-up. */
export const procurementDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'procurement.json');
  if (!fs.existsSync(file)) return;
  const pdeps = { dataDir: deps.config.dataDir };
  await loadStarterCriteria(ctx, pdeps);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { tenders: DemoTender[] };
  const repo = procurementRepository(ctx.scope);
  const orgs = organisationsRepository(ctx.scope);
  for (const t of doc.tenders) {
    if (await repo.tenderByReference(t.reference)) continue; // idempotent
    const unit = await orgs.unitByKey(t.unit);
    const { unit: _u, draft, publishedOn, bids, award, outcomes, ...input } = t;
    const tender = await createTender(ctx, pdeps, { ...input, unitId: unit?.id ?? null });
    if (draft) continue;
    await publishTender(ctx, pdeps, tender.id, { publishedOn });
    const saved = new Map<string, string>();
    for (const b of bids) saved.set(b.label, (await saveBid(ctx, tender.id, b)).id);
    if (!award) continue;
    const contract = await awardTender(ctx, pdeps, tender.id, { bidId: saved.get(award.bid)!, startDate: award.startDate, endDate: award.endDate, firstCheckAfterDays: award.firstCheckAfterDays });
    for (const o of outcomes) {
      const item = contract.followUps.filter((f) => f.requirementKey === o.key)[o.n];
      if (item) await recordOutcome(ctx, item.id, o);
    }
  }
};
