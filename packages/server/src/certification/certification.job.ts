import type { SystemActor } from '@omstilling/core';
import type { AppDeps } from '../platform/http/deps.js';
import type { Ctx } from '../platform/context.js';
import { TenantScope } from '../platform/tenant.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { createMailer } from '../platform/mail/mailer.js';
import type { DailyJob, SchedulerLog } from '../platform/jobs/scheduler.js';
import { certificationReference } from './certification.reference.js';
import { sendCertificationReminders } from './reminders.service.js';

/**
 * The daily certification reminder e-mails (expiring, overdue, lapsed, missing reports) to unit managers,
 * in every municipality; nothing is sent without SMTP_URL. Safe on several instances: each e-mail is claimed.
 * To schedule it, add `certificationRemindersJob(deps, log)` to the scheduler's jobs in main.ts.
 */
export function certificationRemindersJob(deps: AppDeps, log?: SchedulerLog): DailyJob {
  return {
    name: 'certification.reminders',
    hour: 6,
    minute: 15,
    async run(date) {
      const mailer = createMailer(deps.config.smtp);
      if (!mailer) return;
      const failed: string[] = [];
      try {
        for (const m of await municipalityRepository(deps.db).all()) {
          const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'påminnelser' };
          const ctx: Ctx = { scope: new TenantScope(deps.db, m.id), actor, now: deps.now };
          const r = await sendCertificationReminders(ctx, { reference: certificationReference(deps.config.dataDir) }, mailer, date, deps.config.publicUrl);
          log?.info(`certification reminders ${date} ${m.slug}: ${r.digests} digests, ${r.sent} sent, ${r.skipped} already sent, ${r.failed.length} failed`);
          failed.push(...r.failed.map((f) => `${f.email}: ${f.error}`));
        }
      } finally {
        mailer.close();
      }
      if (failed.length) throw new Error(`${failed.length} e-mails failed: ${failed.join('; ')}`);
    },
  };
}
