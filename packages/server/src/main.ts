import { ConfigError, loadConfig } from './platform/config.js';
import { bootstrap } from './platform/bootstrap.js';
import { buildApp } from './app.js';
import { seedDemoIfEmpty } from './demo/demo.service.js';
import { startScheduler } from './platform/jobs/scheduler.js';
import { remindersJob } from './program/reminders.job.js';
import { certificationRemindersJob } from './certification/certification.job.js';
import { foodwasteExpiryJob } from './foodwaste/foodwaste.job.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const deps = await bootstrap(config);
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) console.log(`Demo data loaded for ${seeded}.`);
  }
  const app = await buildApp(deps);
  let scheduler: ReturnType<typeof startScheduler> | null = null;
  const close = async () => {
    await scheduler?.stop();
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Omstilling runs at ${config.publicUrl} (database: ${config.database.engine})`);
  // Daily jobs (reminder e-mails at 06:00 local time); every instance runs them, the database keeps sends unique.
  const log = { info: (m: string) => app.log.info(m), error: (m: string, e?: unknown) => app.log.error(e, m) };
  scheduler = startScheduler([remindersJob(deps, log), certificationRemindersJob(deps, log), foodwasteExpiryJob(deps, log)]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
