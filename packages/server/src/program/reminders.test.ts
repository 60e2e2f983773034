import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { SystemActor } from '@omstilling/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { seedDemo } from '../demo/demo.service.js';
import { ENGINES, createTestEnv, type TestEnv } from '../testing/databases.js';
import { DEMO_PASSWORD, municipalityOf, sessionFrom } from '../testing/http.js';
import { TenantScope } from '../platform/tenant.js';
import type { Ctx } from '../platform/context.js';
import { createMailer, type Mailer } from '../platform/mail/mailer.js';
import { createUser } from '../platform/users/users.service.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { buildDigests, previewDigests, sendDigests } from './reminders.service.js';
import { runReminders } from './reminders.job.js';

/*
 * The demo at 2026-11-27: C1 (footprint per resident, Klima og miljø; last value 2024) is
 * overdue, B1 (certified businesses, Næringsutvikling; last value 2023) is stale, and several
 * actions lack a recent update. The demo's unit managers (a kindergarten, a school, Bråset) own
 * none of these. The test adds a manager of Klima og miljø, a manager of its sector
 * Samfunnsutvikling (which contains Næringsutvikling too) and an inactive manager of Klima og miljø.
 */

const AS_OF = '2026-11-27';
const PUBLIC_URL = 'https://omstilling.asker.example';
const LIV = 'liv.klima@asker.example';
const SARA = 'sara.sektor@asker.example';
const INACTIVE = 'ivar.inaktiv@asker.example';
const ADMIN = 'admin@asker.example';
const PROGRAM_EDITOR = 'tonje.brekkestad@asker.example';
const PROCUREMENT_EDITOR = 'anders.vikhagen@asker.example';
const BRASET_MANAGER = 'kristoffer.aunevik@asker.example';

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Decodes RFC 2047 encoded words in a header. */
const decodeWords = (s: string) =>
  s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );

const decodeBody = (body: string, encoding: string) => {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
};

/** Just enough MIME to read what the mailer writes: headers, and the text/plain and text/html parts. */
function parseMessage(raw: string): Pick<Received, 'subject' | 'text' | 'html'> {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const parts = boundary ? rest.join('\n\n').split(`--${boundary}`).slice(1, -1) : [raw];
  const out = { subject, text: '', html: '' };
  for (const p of parts) {
    const [ph, ...pb] = p.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const type = /content-type: ([^;\r\n]+)/i.exec(ph!)?.[1]?.toLowerCase();
    const enc = /content-transfer-encoding: (\S+)/i.exec(ph!)?.[1]?.toLowerCase() ?? '7bit';
    const body = decodeBody(pb.join('\n\n'), enc);
    if (type === 'text/plain') out.text = body;
    if (type === 'text/html') out.html = body;
  }
  return out;
}

/** A real SMTP server on a free port of 127.0.0.1 that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // plain SMTP on loopback; nodemailer would otherwise upgrade to a self-signed certificate
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const env = session.envelope;
        received.push({ from: env.mailFrom ? env.mailFrom.address : '', to: env.rcptTo.map((r) => r.address), ...parseMessage(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(ENGINES)('reminder digests (%s)', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  let ctx: Ctx;
  let ids: { overdue: string; stale: string };
  const options = { publicUrl: PUBLIC_URL };
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Omstilling <noreply@asker.example>', PUBLIC_URL }, () => new Date(`${AS_OF}T07:00:00Z`));
    await seedDemo(env.deps, 'asker');
    const m = await municipalityOf(env.deps, 'asker');
    const actor: SystemActor = { kind: 'system', municipalityId: m.id, label: 'test' };
    ctx = { scope: new TenantScope(env.deps.db, m.id), actor, now: env.deps.now };
    const units = organisationsRepository(ctx.scope);
    const klima = (await units.unitByKey('klima-og-miljo'))!.id;
    const sector = (await units.unitByKey('samfunnsutvikling'))!.id;
    await createUser(ctx, { email: LIV, name: 'Liv Klima', role: 'unit_manager', unitId: klima, password: DEMO_PASSWORD });
    await createUser(ctx, { email: SARA, name: 'Sara Sektor', role: 'unit_manager', unitId: sector, password: DEMO_PASSWORD });
    await createUser(ctx, { email: INACTIVE, name: 'Ivar Inaktiv', role: 'unit_manager', unitId: klima, password: DEMO_PASSWORD, active: false });
    const indicators = await ctx.scope.selectFrom('indicator').select(['id', 'key']).where('key', 'in', ['c1-footprint-per-resident', 'b1-certified-businesses']).execute();
    ids = { overdue: indicators.find((i) => i.key.startsWith('c1'))!.id, stale: indicators.find((i) => i.key.startsWith('b1'))!.id };
    mailer = createMailer(env.config.smtp)!;
  });

  afterAll(async () => {
    mailer?.close();
    await env?.close();
    await smtp?.close();
  });

  it('routes each item to the managers whose units contain its unit, the rest to program editors and admins', async () => {
    const run = await buildDigests(ctx, AS_OF, options);
    const by = new Map(run.digests.map((d) => [d.recipient.email, d]));
    expect([...by.keys()].sort()).toEqual([ADMIN, LIV, SARA, PROGRAM_EDITOR].sort());
    expect(run.unrouted).toBe(0);

    const liv = by.get(LIV)!;
    expect(liv.items.map((i) => i.indicatorId)).toEqual([ids.overdue]);
    expect(liv.items[0]).toMatchObject({ state: 'overdue', route: { via: 'unit_manager' }, url: `${PUBLIC_URL}/program/indicators/${ids.overdue}` });
    expect(liv.nudges.length).toBeGreaterThan(0);
    expect(liv.nudges.every((n) => n.unit?.name === 'Klima og miljø')).toBe(true);

    // The sector manager gets everything below the sector: Klima og miljø and Næringsutvikling.
    const sara = by.get(SARA)!;
    expect(sara.items.map((i) => i.indicatorId).sort()).toEqual([ids.overdue, ids.stale].sort());
    expect(sara.nudges.some((n) => n.unit?.name === 'Næringsutvikling')).toBe(true);

    // Once a unit has a manager, the program editors no longer get its items; they get the rest.
    for (const email of [ADMIN, PROGRAM_EDITOR]) {
      const d = by.get(email)!;
      expect(d.items).toEqual([]);
      expect(d.nudges.length).toBeGreaterThan(0);
      expect(d.nudges.every((n) => n.route.via === 'fallback')).toBe(true);
      expect(d.nudges.some((n) => n.unit?.name === 'Klima og miljø' || n.unit?.name === 'Næringsutvikling')).toBe(false);
    }
    // Every nudge reaches somebody, exactly once per person.
    for (const d of run.digests) expect(new Set(d.nudges.map((n) => n.actionId)).size).toBe(d.nudges.length);
    expect(sara.text).toContain('FORFALT (2)');
    expect(sara.subject).toBe(`Omstilling 27.11.2026: 2 forfalte indikatorverdier, ${sara.nudges.length} tiltak å følge opp`);
  });

  it('sends one e-mail per recipient through SMTP, overdue first, and nothing more on a second run the same day', async () => {
    const first = await sendDigests(ctx, mailer, AS_OF, options);
    expect(first.failed).toEqual([]);
    expect(first.sent.sort()).toEqual([ADMIN, LIV, SARA, PROGRAM_EDITOR].sort());
    expect(smtp.received).toHaveLength(4);
    for (const m of smtp.received) {
      expect(m.to).toHaveLength(1); // one recipient per message: nobody sees another's list
      expect(m.from).toBe('noreply@asker.example');
    }
    for (const email of [ADMIN, LIV, SARA, PROGRAM_EDITOR]) expect(mailsTo(email)).toHaveLength(1);
    for (const email of [PROCUREMENT_EDITOR, BRASET_MANAGER, INACTIVE, 'eirik.hovdenak@asker.example', 'nora.bakkerud@asker.example']) expect(mailsTo(email)).toHaveLength(0);

    const liv = mailsTo(LIV)[0]!;
    expect(liv.subject).toMatch(/^Omstilling 27\.11\.2026: 1 forfalt indikatorverdi, \d+ tiltak å følge opp$/);
    expect(liv.text).toContain('Hei Liv Klima!');
    expect(liv.text).toContain('Forbruksbasert klimafotavtrykk per innbygger (Klima og miljø)');
    expect(liv.text).toContain('fristen var 31.12.2025');
    expect(liv.text).toContain(`${PUBLIC_URL}/program/indicators/${ids.overdue}`);
    expect(liv.text).toContain(`${PUBLIC_URL}/reporting`);
    expect(liv.html).toContain(`href="${PUBLIC_URL}/program/indicators/${ids.overdue}"`);
    expect(liv.text).not.toContain(ids.stale);

    // Overdue before stale before the actions.
    const sara = mailsTo(SARA)[0]!.text;
    const [overdueAt, staleAt, actionsAt] = [sara.indexOf(ids.overdue), sara.indexOf(ids.stale), sara.indexOf('TILTAK SOM TRENGER')];
    expect(overdueAt).toBeGreaterThan(0);
    expect(overdueAt).toBeLessThan(staleAt);
    expect(staleAt).toBeLessThan(actionsAt);

    for (const email of [ADMIN, PROGRAM_EDITOR]) {
      const m = mailsTo(email)[0]!;
      expect(m.text).not.toContain(ids.overdue);
      expect(m.text).toContain('ingen enhetsleder for Velferd');
    }

    const again = await sendDigests(ctx, mailer, AS_OF, options);
    expect(again.sent).toEqual([]);
    expect(again.skipped.sort()).toEqual([ADMIN, LIV, SARA, PROGRAM_EDITOR].sort());
    expect(smtp.received).toHaveLength(4);
    const rows = await ctx.scope.selectFrom('reminder_digest').selectAll().where('date', '=', AS_OF).execute();
    expect(rows).toHaveLength(4);
  });

  it('sends each digest once when several runs race on the same day', async () => {
    const date = '2026-11-28';
    const before = smtp.received.length;
    const runs = await Promise.all([1, 2, 3].map(() => sendDigests(ctx, mailer, date, options)));
    expect(runs.flatMap((r) => r.sent).sort()).toEqual([ADMIN, LIV, SARA, PROGRAM_EDITOR].sort());
    expect(runs.flatMap((r) => r.skipped)).toHaveLength(8);
    expect(smtp.received.length - before).toBe(4);
  });

  it('gives a failed send back, so that the next run retries only that one', async () => {
    const date = '2026-11-29';
    const sent: string[] = [];
    let fail = true;
    const flaky: Mailer = {
      async send(m) {
        const to = typeof m.to === 'string' ? m.to : m.to.address;
        if (fail && to === SARA) throw new Error('451 try again later');
        sent.push(to);
        return { messageId: 'x', accepted: [to], rejected: [] };
      },
      close() {},
    };
    const first = await sendDigests(ctx, flaky, date, options);
    expect(first.failed).toEqual([{ email: SARA, error: '451 try again later' }]);
    expect(first.sent).toHaveLength(3);
    fail = false;
    const second = await sendDigests(ctx, flaky, date, options);
    expect(second.sent).toEqual([SARA]);
    expect(second.skipped).toHaveLength(3);
    expect(sent.filter((s) => s === SARA)).toHaveLength(1);
  });

  it('the daily job sends through SMTP_URL, records its run, and without SMTP only counts', async () => {
    const date = '2026-11-30';
    const before = smtp.received.length;
    const [run] = await runReminders(env.deps, date);
    expect(run).toMatchObject({ municipality: 'asker', digests: 4, sent: 4, skipped: 0, dryRun: false });
    expect(smtp.received.length - before).toBe(4);
    const job = await ctx.scope.selectFrom('job').selectAll().where('kind', '=', 'program.reminders').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', progress: 4, total: 4 });

    const [dry] = await runReminders(env.deps, '2026-12-01', { mailer: null });
    expect(dry).toMatchObject({ digests: 4, sent: 0, dryRun: true });
    expect(smtp.received.length - before).toBe(4);
    expect(await ctx.scope.selectFrom('reminder_digest').selectAll().where('date', '=', '2026-12-01').execute()).toEqual([]);
  });

  describe('GET /api/reporting/reminders/preview', () => {
    let app: FastifyInstance;
    const login = async (email: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
      expect(res.statusCode).toBe(200);
      return sessionFrom(res);
    };
    beforeAll(async () => {
      app = await buildApp(env.deps);
      await app.ready();
    });
    afterAll(async () => app?.close());

    it('shows program editors every digest with its sent time, a unit manager only their own, and nobody else anything', async () => {
      const tonje = await login(PROGRAM_EDITOR);
      const all = await app.inject({ url: `/api/reporting/reminders/preview?asOf=${AS_OF}`, headers: tonje.headers() });
      expect(all.statusCode).toBe(200);
      const body = all.json() as { digests: { recipient: { email: string }; sentAt: string | null; html?: string }[] };
      expect(body.digests.map((d) => d.recipient.email).sort()).toEqual([ADMIN, LIV, SARA, PROGRAM_EDITOR].sort());
      expect(body.digests.every((d) => d.sentAt !== null)).toBe(true);

      const liv = await login(LIV);
      const own = (await app.inject({ url: `/api/reporting/reminders/preview?asOf=${AS_OF}`, headers: liv.headers() })).json() as typeof body;
      expect(own.digests.map((d) => d.recipient.email)).toEqual([LIV]);

      const kristoffer = await login(BRASET_MANAGER);
      const none = (await app.inject({ url: `/api/reporting/reminders/preview?asOf=${AS_OF}`, headers: kristoffer.headers() })).json() as typeof body;
      expect(none.digests).toEqual([]);

      expect((await app.inject({ url: '/api/reporting/reminders/preview' })).statusCode).toBe(401);
      const business = await login('vibeke@holmsbu-fjordhotell.example');
      expect((await app.inject({ url: '/api/reporting/reminders/preview', headers: business.headers() })).statusCode).toBe(403);
    });

    it('refuses residents in the service too, not only in the route', async () => {
      const r = await previewDigests({ ...ctx, actor: { kind: 'anonymous', municipalityId: ctx.scope.municipalityId } }, AS_OF, options).catch((e: Error) => e);
      expect(r).toBeInstanceOf(Error);
    });
  });
});
