import type { SystemActor } from '@omstilling/core';
import type { AppDeps } from '../platform/http/deps.js';
import type { Ctx } from '../platform/context.js';
import { TenantScope } from '../platform/tenant.js';
import { municipalityRepository } from '../platform/municipalities.js';
import type { DailyJob, SchedulerLog } from '../platform/jobs/scheduler.js';
import { expireOffers } from './foodwaste.service.js';

/**
 * Marks open surplus-food offers past their pickup window as expired, in every municipality.
 * Bookkeeping only: reads already treat such offers as expired and a claim's conditional update
 * refuses them. Safe to run twice. To schedule it, add `foodwasteExpiryJob(deps, log)` to the
 * scheduler's jobs in main.ts.
 */
export function foodwasteExpiryJob(deps: AppDeps, log?: SchedulerLog): DailyJob {
  return {
    name: 'foodwaste.expire-offers',
    hour: 3,
    async run(date) {
      for (const m of await municipalityRepository(deps.db).all()) {
        const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'utløp av tilbud' };
        const ctx: Ctx = { scope: new TenantScope(deps.db, m.id), actor, now: deps.now };
        log?.info(`foodwaste expiry ${date} ${m.slug}: ${await expireOffers(ctx)} offers expired`);
      }
    },
  };
}
