import fs from 'node:fs';
import path from 'node:path';
import { normaliseForDuplicate, type ModerationMode } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { newId, sha256 } from '../platform/ids.js';
import { campaignRepository } from './campaign.repository.js';

interface DemoPost {
  author: string;
  at: string;
  body: string;
  pending?: boolean;
  reported?: { reason: string; note?: string };
}
interface DemoFile {
  themes: { key: string; titleNb: string; titleEn?: string; textNb: string; textEn?: string; moderation: ModerationMode; open: boolean }[];
  events: { theme: string | null; kind: string; title: string; place: string; startsAt: string; endsAt: string; capacity: number; registeredSeats: number; description?: string }[];
  threads: (DemoPost & { theme: string; title: string; replies: DemoPost[] })[];
}

/** Themes, events with registrations, threads with replies, one held and one reported post (once). */
export const campaignDemoStep: DemoStep = async (ctx, demoDir) => {
  const file = path.join(demoDir, 'campaign.json');
  if (!fs.existsSync(file)) return;
  if ((await campaignRepository(ctx.scope).countThemes()) > 0) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const at = ctx.now().toISOString();
  await ctx.scope.transaction(async (scope) => {
    const repo = campaignRepository(scope);
    const themeIds = new Map<string, string>();
    for (const [i, t] of demo.themes.entries()) {
      const id = newId();
      themeIds.set(t.key, id);
      await repo.insertTheme({ id, title_nb: t.titleNb, title_en: t.titleEn ?? null, text_nb: t.textNb, text_en: t.textEn ?? null, moderation: t.moderation, open: t.open ? 1 : 0, sort: i, created_at: '2025-09-01T08:00:00.000Z', updated_at: '2025-09-01T08:00:00.000Z' });
    }
    let n = 0;
    for (const e of demo.events) {
      const id = newId();
      const startsAt = new Date(e.startsAt).toISOString();
      await repo.insertEvent({ id, theme_id: e.theme ? themeIds.get(e.theme)! : null, kind: e.kind, title: e.title, description: e.description ?? null, place: e.place, starts_at: startsAt, ends_at: new Date(e.endsAt).toISOString(), capacity: e.capacity, seats_taken: e.registeredSeats, cancelled: 0, created_at: '2025-12-01T08:00:00.000Z', updated_at: '2025-12-01T08:00:00.000Z' });
      // Generated registrations of 1–4 seats each, registered in the weeks before the event.
      let left = e.registeredSeats;
      while (left > 0) {
        n++;
        const seats = Math.min(left, 1 + (n % 4));
        left -= seats;
        const when = new Date(Date.parse(startsAt) - (1 + (n % 20)) * 86_400_000).toISOString();
        await repo.insertRegistration({ id: newId(), event_id: id, name: `Deltaker ${n}`, email: null, seats, cancel_hash: sha256(`demo-registration:${n}:${id}`), status: 'active', created_at: when < at ? when : at, cancelled_at: null });
      }
    }
    for (const t of demo.threads) {
      const themeId = themeIds.get(t.theme)!;
      const insert = async (p: DemoPost, parentId: string | null, title: string | null) => {
        const id = newId();
        await repo.insertPost({ id, theme_id: themeId, parent_id: parentId, title, display_name: p.author, body: p.body, body_norm: normaliseForDuplicate(p.body), poster_key: sha256(`demo-poster:${p.author}`).slice(0, 32), status: p.pending ? 'pending' : 'visible', by_staff: 0, created_at: new Date(p.at).toISOString(), moderated_at: null, moderation_reason: null });
        if (p.reported) await repo.insertReport({ id: newId(), post_id: id, reason: p.reported.reason, note: p.reported.note ?? null, status: 'open', created_at: new Date(Date.parse(p.at) + 3_600_000).toISOString(), resolved_at: null });
        return id;
      };
      const threadId = await insert(t, null, t.title);
      for (const r of t.replies) await insert(r, threadId, null);
    }
    await recordAudit({ ...ctx, scope }, { action: 'import', entityType: 'cmp_theme', entityId: 'campaign.json', summary: `Demodata for kampanjen: ${demo.themes.length} temaer, ${demo.events.length} arrangementer, ${demo.threads.length} tråder`, after: { themes: demo.themes.length, events: demo.events.length, threads: demo.threads.length } });
  });
};
