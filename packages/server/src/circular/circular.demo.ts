import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { OpeningHours } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId, sha256 } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { usersRepository } from '../platform/users/users.repository.js';
import { createUser } from '../platform/users/users.service.js';
import { createCall } from '../enterprise/enterprise.service.js';
import { circularRepository } from './circular.repository.js';
import { placeRow } from './circular.service.js';

interface DemoFile {
  users: { email: string; name: string; orgNumber: string }[];
  places: { name: string; kind: string; orgNumber: string | null; description: string; address: string; postalCode: string; place: string; lat: number; lon: number; openingHours: OpeningHours; openingNote?: string; categories: string[]; phone?: string; email?: string; website?: string }[];
  schemes: { title: string; description: string; opensAt: string; deadline: string; budgetNok: number; minReviewers: number; criteria: { key: string; name: string; weight: number; maxScore: number }[] }[];
  items: { unit: string; title: string; description: string; category: string; condition: string; quantity: number; location: string; created: string; photo: boolean; costNok?: number; reservations: { unit: string; quantity: number; reserved: string; collected: string | null }[] }[];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A small placeholder photo (a PNG of one colour with a darker "item" in the middle), so the demo has pictures. */
export function placeholderPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const inner = x > width / 4 && x < (3 * width) / 4 && y > height / 3 && y < (5 * height) / 6;
      const o = y * (width * 3 + 1) + 1 + x * 3;
      for (let i = 0; i < 3; i++) raw[o + i] = inner ? Math.round(rgb[i]! * 0.55) : rgb[i]!;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const COLOURS: Record<string, [number, number, number]> = { office_chair: [90, 110, 140], chair: [190, 150, 100], desk: [200, 200, 190], table: [170, 130, 90], sofa: [90, 140, 100], storage: [210, 210, 215], screen: [120, 120, 130], other: [160, 170, 180] };

/**
 * Loads the reuse-and-repair demo (data/demo/<slug>/circular.json): a business user, the directory,
 * two support schemes (grant rounds with domain 'circular', created through the enterprise service)
 * and the marketplace history (written directly, the pickups are in the past). Idempotent per part.
 */
export const circularDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'circular.json');
  if (!fs.existsSync(file)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const orgs = organisationsRepository(ctx.scope);
  const users = usersRepository(ctx.scope);
  const repo = circularRepository(ctx.scope);
  for (const u of demo.users) {
    if (await users.byEmail(u.email)) continue;
    const org = await orgs.organisationByNumber(u.orgNumber);
    if (!org) throw new Error(`circular.json: unknown organisation ${u.orgNumber}`);
    await createUser(ctx, { email: u.email, name: u.name, role: 'business', organisationId: org.id, password: 'omstilling-demo' });
  }
  for (const p of demo.places) {
    if (await repo.placeByName(p.name)) continue;
    const org = p.orgNumber ? await orgs.organisationByNumber(p.orgNumber) : null;
    if (p.orgNumber && !org) throw new Error(`circular.json: unknown organisation ${p.orgNumber}`);
    // Written directly like the rest of the demo (no audit entries for seed data); createPlace checks the same fields.
    const at = nowIso(ctx);
    await repo.insertPlace({ id: newId(), ...placeRow({ ...p, organisationId: org?.id ?? null }), updated_by_label: actorLabel(ctx.actor), created_at: at, updated_at: at });
  }
  const schemes = await repo.schemes();
  for (const s of demo.schemes) if (!schemes.some((x) => x.title === s.title)) await createCall(ctx, { ...s, domain: 'circular' });

  if ((await repo.itemCount()) > 0) return;
  const unitIds = new Map((await repo.units()).map((u) => [u.key, u.id]));
  const unit = (key: string) => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`circular.json: unknown unit ${key}`);
    return id;
  };
  const label = actorLabel(ctx.actor);
  const at = nowIso(ctx);
  await ctx.scope.transaction(async (scope) => {
    const r = circularRepository(scope);
    for (const [n, it] of demo.items.entries()) {
      const giver = unit(it.unit);
      let photo: string | null = null;
      if (it.photo) {
        const data = placeholderPng(160, 120, COLOURS[it.category] ?? [150, 150, 150]);
        photo = newId();
        await scope.insertInto('stored_file', { id: photo, storage_key: await deps.storage.put(data), filename: `ombruk-${n + 1}.png`, content_type: 'image/png', size: data.length, sha256: sha256(data), domain: 'circular', owner_unit_id: giver, owner_organisation_id: null, uploaded_by: null, created_at: `${it.created}T09:00:00.000Z` }).execute();
      }
      const taken = it.reservations.reduce((s, x) => s + x.quantity, 0);
      const open = it.reservations.some((x) => !x.collected);
      const state = taken < it.quantity ? 'available' : open ? 'reserved' : 'collected';
      const id = newId();
      await r.insertItem({ id, unit_id: giver, title: it.title, description: it.description, category: it.category, condition: it.condition, quantity: it.quantity, quantity_left: it.quantity - taken, location: it.location, available_from: it.created, cost_ore: Math.round((it.costNok ?? 0) * 100), photo_file_id: photo, state, created_by_label: label, created_at: `${it.created}T09:00:00.000Z`, updated_at: at });
      for (const res of it.reservations) await r.insertReservation({ id: newId(), item_id: id, unit_id: unit(res.unit), quantity: res.quantity, state: res.collected ? 'collected' : 'reserved', reserved_by_label: label, reserved_at: `${res.reserved}T10:00:00.000Z`, closed_at: res.collected ? `${res.collected}T13:00:00.000Z` : null });
    }
  });
};
