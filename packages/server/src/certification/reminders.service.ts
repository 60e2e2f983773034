import { certificationReminders, descendantsOf, type Reminder, type ReminderKind } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { nowIso, type Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { certificationRepository } from './certification.repository.js';
import { certificationPolicy as policy } from './certification.policy.js';
import { factsOf, loadWorld, type CertificationDeps } from './certification.service.js';

export interface ReminderView extends Reminder {
  unitName: string;
  schemeName: string | null;
  certificateNumber: string | null;
  /** Who gets it by e-mail: the unit's managers, or (when it has none) the certification editors. */
  recipients: { name: string; email: string; via: 'unit_manager' | 'fallback' }[];
}

interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: string;
  domains: string[];
  unitScope: string[];
}

/** Every reminder on a date, each with its unit and recipients. */
async function buildReminders(ctx: Ctx, deps: CertificationDeps, date: string): Promise<ReminderView[]> {
  const world = await loadWorld(ctx, deps.reference);
  const repo = certificationRepository(ctx.scope);
  const reports = (await repo.reportKeys()).filter((r) => r.status === 'submitted').map((r) => ({ unitId: r.unit_id, year: r.year }));
  const items = certificationReminders({ units: world.nodes, certificates: world.certificates.filter((c) => c.holder_unit_id !== null).map(factsOf), schemes: world.schemeByKey, reports, date });
  const tree = world.units.map((u) => ({ id: u.id, parentId: u.parent_id }));
  const staff: StaffMember[] = (await repo.staff()).map((s) => ({ id: s.id, name: s.name, email: s.email, role: s.role, domains: JSON.parse(s.domains) as string[], unitScope: s.role === 'unit_manager' && s.unit_id ? descendantsOf(s.unit_id, tree) : [] }));
  const editors = staff.filter((s) => s.role === 'editor' && s.domains.includes('certification'));
  const certById = new Map(world.certificates.map((c) => [c.id, c]));
  return items.map((r) => {
    // The manager closest to the unit: its own manager, else a parent's.
    const managers = staff.filter((s) => s.unitScope.includes(r.unitId));
    const recipients = managers.length ? managers.map((m) => ({ name: m.name, email: m.email, via: 'unit_manager' as const })) : editors.map((e) => ({ name: e.name, email: e.email, via: 'fallback' as const }));
    return {
      ...r,
      unitName: world.unitById.get(r.unitId)?.name ?? '?',
      schemeName: r.schemeKey ? (world.schemeByKey.get(r.schemeKey)?.name.nb ?? r.schemeKey) : null,
      certificateNumber: r.certificateId ? (certById.get(r.certificateId)?.certificate_number ?? null) : null,
      recipients,
    };
  });
}

/** The reminders page: staff see them; a unit manager sees only their own units'. */
export async function listReminders(ctx: Ctx, deps: CertificationDeps, date: string): Promise<{ date: string; items: ReminderView[] }> {
  if (!policy.readInternal(ctx.actor)) throw AppError.forbidden();
  let items = await buildReminders(ctx, deps, date);
  const a = ctx.actor;
  if (a.kind === 'user' && a.role === 'unit_manager') items = items.filter((i) => a.unitScope.includes(i.unitId));
  return { date, items };
}

const norDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** One sentence per reminder, in Norwegian, for e-mails and the CLI. */
export function reminderText(r: ReminderView): string {
  const cert = `${r.schemeName ?? 'Sertifikatet'}${r.certificateNumber ? ` (nr. ${r.certificateNumber})` : ''}`;
  const texts: Record<ReminderKind, string> = {
    expires_30: `${cert} for ${r.unitName} utløper ${norDate(r.date)}, om ${r.daysLeft} dager. Bestill resertifisering nå.`,
    expires_90: `${cert} for ${r.unitName} utløper ${norDate(r.date)}, om ${r.daysLeft} dager. Planlegg resertifiseringen.`,
    in_grace: `${cert} for ${r.unitName} er utløpt og må fornyes innen ${norDate(r.date)}, ellers mister enheten sertifikatet.`,
    lapsed: `${cert} for ${r.unitName} falt bort ${norDate(r.date)}. Enheten er ikke lenger miljøsertifisert.`,
    report_missing: `Årsrapporten for ${r.year} fra ${r.unitName} skulle vært levert ${norDate(r.date)} og mangler.`,
  };
  return texts[r.kind];
}

export interface CertificationDigest {
  recipient: { name: string; email: string };
  subject: string;
  text: string;
  items: number;
}

/** One e-mail per recipient with all their reminders of the day. */
export async function buildCertificationDigests(ctx: Ctx, deps: CertificationDeps, date: string, publicUrl: string): Promise<CertificationDigest[]> {
  const items = await buildReminders(ctx, deps, date);
  const by = new Map<string, { name: string; email: string; items: ReminderView[] }>();
  for (const i of items) {
    for (const r of i.recipients) {
      const cur = by.get(r.email) ?? { name: r.name, email: r.email, items: [] };
      cur.items.push(i);
      by.set(r.email, cur);
    }
  }
  return [...by.values()].map((x) => ({
    recipient: { name: x.name, email: x.email },
    subject: `Miljøsertifisering: ${x.items.length} ${x.items.length === 1 ? 'påminnelse' : 'påminnelser'} (${norDate(date)})`,
    text: [`Hei ${x.name},`, '', 'Dette må følges opp for miljøsertifiseringen:', '', ...x.items.map((i) => `- ${reminderText(i)}`), '', `Se alle påminnelser: ${publicUrl.replace(/\/$/, '')}/certification/reminders`, '', 'Hilsen Omstilling'].join('\n'),
    items: x.items.length,
  }));
}

/** Sends the day's digests once per recipient (claimed in the database, so several instances never send twice). */
export async function sendCertificationReminders(ctx: Ctx, deps: CertificationDeps, mailer: Mailer, date: string, publicUrl: string): Promise<{ digests: number; sent: number; skipped: number; failed: { email: string; error: string }[] }> {
  const digests = await buildCertificationDigests(ctx, deps, date, publicUrl);
  const repo = certificationRepository(ctx.scope);
  const out = { digests: digests.length, sent: 0, skipped: 0, failed: [] as { email: string; error: string }[] };
  for (const d of digests) {
    if (!(await repo.claimReminder({ id: newId(), date, recipient: d.recipient.email, items: d.items, sent_at: nowIso(ctx) }))) {
      out.skipped++;
      continue;
    }
    try {
      await mailer.send({ to: { name: d.recipient.name, address: d.recipient.email }, subject: d.subject, text: d.text });
      out.sent++;
    } catch (e) {
      await repo.releaseReminder(date, d.recipient.email);
      out.failed.push({ email: d.recipient.email, error: (e as Error).message });
    }
  }
  return out;
}
