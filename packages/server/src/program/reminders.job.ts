import type { SystemActor } from '@omstilling/core';
import type { AppDeps } from '../platform/http/deps.js';
import type { Ctx } from '../platform/context.js';
import { TenantScope } from '../platform/tenant.js';
import { municipalityRepository } from '../platform/municipalities.js';
import { createMailer, type Mailer } from '../platform/mail/mailer.js';
import { trackJob } from '../platform/jobs/jobs.repository.js';
import type { DailyJob, SchedulerLog } from '../platform/jobs/scheduler.js';
import { buildDigests, sendDigests, type SendResult } from './reminders.service.js';

/** Local time from which the day's reminder digests go out. */
export const REMINDERS_AT = { hour: 6, minute: 0 };

export interface RemindersRun {
  municipality: string;
  digests: number;
  sent: number;
  skipped: number;
  failed: SendResult['failed'];
  /** True when SMTP is not configured: the digests were built and counted, not sent. */
  dryRun: boolean;
}

/**
 * Builds and sends the day's reminder digests in every municipality. Without SMTP it only
 * counts them. Safe to run on several instances at once and again the same day.
 */
export async function runReminders(deps: AppDeps, date: string, options: { mailer?: Mailer | null; log?: SchedulerLog; only?: string } = {}): Promise<RemindersRun[]> {
  const mailer = options.mailer !== undefined ? options.mailer : createMailer(deps.config.smtp);
  const own = options.mailer === undefined;
  const runs: RemindersRun[] = [];
  try {
    for (const m of await municipalityRepository(deps.db).all()) {
      if (options.only && m.id !== options.only) continue;
      const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'påminnelser' };
      const ctx: Ctx = { scope: new TenantScope(deps.db, m.id), actor, now: deps.now };
      const publicUrl = deps.config.publicUrl;
      let run: RemindersRun;
      if (!mailer) {
        const built = await buildDigests(ctx, date, { publicUrl });
        run = { municipality: m.slug, digests: built.digests.length, sent: 0, skipped: 0, failed: [], dryRun: true };
      } else {
        const r = await trackJob(ctx.scope, 'program.reminders', { date }, deps.now, () => sendDigests(ctx, mailer, date, { publicUrl }), (x) => ({ progress: x.sent.length + x.skipped.length, total: x.digests }));
        run = { municipality: m.slug, digests: r.digests, sent: r.sent.length, skipped: r.skipped.length, failed: r.failed, dryRun: false };
      }
      options.log?.info(
        run.dryRun
          ? `reminders ${date} ${m.slug}: ${run.digests} digests built; SMTP_URL is not set, nothing sent`
          : `reminders ${date} ${m.slug}: ${run.digests} digests, ${run.sent} sent, ${run.skipped} already sent, ${run.failed.length} failed`,
      );
      runs.push(run);
    }
  } finally {
    if (own) mailer?.close();
  }
  return runs;
}

/** The daily job the server's scheduler runs. */
export function remindersJob(deps: AppDeps, log?: SchedulerLog): DailyJob {
  return {
    name: 'program.reminders',
    ...REMINDERS_AT,
    async run(date) {
      const failed = (await runReminders(deps, date, { log })).flatMap((r) => r.failed);
      // Failed sends gave their claims back; failing the run makes the scheduler retry them later.
      if (failed.length) throw new Error(`${failed.length} e-mails failed: ${failed.map((f) => `${f.email}: ${f.error}`).join('; ')}`);
    },
  };
}
