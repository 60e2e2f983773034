import fs from 'node:fs';
import path from 'node:path';
import { findOverlaps, validateCertificateDates } from '@omstilling/core';
import type { DemoStep } from '../demo/demo.steps.js';
import { actorLabel, nowIso } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { organisationsRepository } from '../organisations/organisations.repository.js';
import { certificationRepository } from './certification.repository.js';
import { certificationReference } from './certification.reference.js';
import { factsOf, schemesOf } from './certification.service.js';
import { importReports } from './reports.service.js';

interface DemoCertificate {
  ref: string;
  scheme: string;
  unit?: string;
  org?: string;
  number?: string;
  issuer?: string;
  startedOn?: string;
  issuedOn?: string;
  validUntil?: string;
  scope?: string[];
  supersedes?: string;
  includeSubunits?: boolean;
  verification?: 'verified' | 'pending' | 'rejected';
  rejectionReason?: string;
  note?: string;
  registeredOn?: string;
}

interface DemoFile {
  places: Record<string, [number, number]>;
  certificates: DemoCertificate[];
  courses: { key: string; title: string; theme: string; hours: number; description: string }[];
  sessions: { course: string; date: string; format: string; place: string | null; participation: { unit: string; participants: number; completed: number; names?: string[] }[] }[];
  outreach: { org: string; date: string; channel: string; outcome: string; note: string | null }[];
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Loads the certification demo (data/demo/<slug>/certification.json and certification-reports.csv):
 * certificates of units and businesses, map locations, training and outreach, then the annual
 * reports through the ordinary CSV import. Idempotent: what exists is left alone.
 */
export const certificationDemoStep: DemoStep = async (ctx, demoDir, deps) => {
  const file = path.join(demoDir, 'certification.json');
  if (!fs.existsSync(file)) return;
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile;
  const reference = certificationReference(deps.config.dataDir);
  const repo = certificationRepository(ctx.scope);
  const orgRepo = organisationsRepository(ctx.scope);
  const units = await orgRepo.allUnits();
  const unitId = new Map(units.map((u) => [u.key, u.id]));
  const need = (key: string, what: string): string => {
    const id = unitId.get(key);
    if (!id) throw new Error(`certification.json: ${what}: unknown unit ${key}`);
    return id;
  };
  const at = nowIso(ctx);
  const label = actorLabel(ctx.actor);

  // Map locations: the units of each place spread on a small sunflower spiral around it.
  const located = new Set((await repo.locations()).map((l) => l.unit_id));
  const byPlace = new Map<string, typeof units>();
  for (const u of units.filter((x) => x.kind === 'unit' && x.place && demo.places[x.place]).sort((a, b) => a.key.localeCompare(b.key))) byPlace.set(u.place!, [...(byPlace.get(u.place!) ?? []), u]);
  for (const [place, list] of byPlace) {
    const [lat, lon] = demo.places[place]!;
    for (const [i, u] of list.entries()) {
      if (located.has(u.id)) continue;
      const r = 0.004 * Math.sqrt(i);
      await repo.upsertLocation({ unit_id: u.id, lat: lat + r * Math.sin(i * GOLDEN_ANGLE), lon: lon + (r * Math.cos(i * GOLDEN_ANGLE)) / Math.cos((lat * Math.PI) / 180), source: `demo: ${place} (stedets omtrentlige sentrum, spredt)`, updated_at: at });
    }
  }

  // Certificates, in file order (a renewal after what it renews).
  const schemes = new Map((await schemesOf(ctx, reference)).map((s) => [s.key, s]));
  const existing = await repo.allCertificates();
  const idByRef = new Map<string, string>();
  for (const c of demo.certificates) {
    const scheme = schemes.get(c.scheme);
    if (!scheme) throw new Error(`certification.json: ${c.ref}: unknown scheme ${c.scheme}`);
    const holderUnitId = c.unit ? need(c.unit, c.ref) : null;
    const org = c.org ? await orgRepo.organisationByNumber(c.org) : undefined;
    if (c.org && !org) throw new Error(`certification.json: ${c.ref}: unknown organisation ${c.org}`);
    const organisationId = org?.id ?? null;
    const same = existing.find((e) => e.scheme_key === c.scheme && e.holder_unit_id === holderUnitId && e.organisation_id === organisationId && e.certificate_number === (c.number ?? null) && e.started_on === (c.startedOn ?? null) && e.issued_on === (c.issuedOn ?? null));
    if (same) {
      idByRef.set(c.ref, same.id);
      continue;
    }
    const dates = { startedOn: c.startedOn ?? null, issuedOn: c.issuedOn ?? null, validUntil: c.validUntil ?? null, withdrawnOn: null };
    const bad = validateCertificateDates(dates, scheme.validityMonths);
    if (bad.length) throw new Error(`certification.json: ${c.ref}: ${bad.map((b) => b.messageEn).join('; ')}`);
    const created = c.registeredOn ? `${c.registeredOn}T09:00:00.000Z` : c.issuedOn ? `${c.issuedOn}T09:00:00.000Z` : `${c.startedOn}T09:00:00.000Z`;
    const verification = c.verification ?? 'verified';
    const row = {
      id: newId(),
      scheme_key: c.scheme,
      holder_unit_id: holderUnitId,
      organisation_id: organisationId,
      certificate_number: c.number ?? null,
      issuer: c.issuer ?? null,
      started_on: dates.startedOn,
      issued_on: dates.issuedOn,
      valid_until: dates.validUntil,
      withdrawn_on: null,
      supersedes_id: c.supersedes ? (idByRef.get(c.supersedes) ?? null) : null,
      include_subunits: c.includeSubunits === false ? 0 : 1,
      verification,
      rejection_reason: c.rejectionReason ?? null,
      verified_by_label: verification === 'pending' ? null : label,
      verified_at: verification === 'pending' ? null : created,
      note: c.note ?? null,
      registered_by: null,
      registered_by_label: verification === 'verified' ? label : `${org?.name ?? 'virksomheten'} (selvbetjening)`,
      created_at: created,
      updated_at: created,
    };
    await repo.insertCertificate(row, (c.scope ?? []).map((k) => need(k, c.ref)));
    idByRef.set(c.ref, row.id);
  }
  // The demo must obey the rules the forms enforce.
  const all = (await repo.allCertificates()).filter((x) => x.verification !== 'rejected').map(factsOf);
  const tree = units.map((u) => ({ id: u.id, parentId: u.parent_id }));
  for (const f of all) {
    const clash = findOverlaps(f, all, tree);
    if (clash.length) throw new Error(`certification.json: certificate ${f.id} overlaps ${clash.map((x) => x.certificateId).join(', ')}`);
  }

  // Training: courses by title, sessions by course and date, participation by session and unit.
  const courseId = new Map<string, string>();
  for (const c of demo.courses) {
    const found = await repo.courseByTitle(c.title);
    if (found) courseId.set(c.key, found.id);
    else {
      const id = newId();
      await repo.insertCourse({ id, title: c.title, theme: c.theme, hours: c.hours, description: c.description, created_at: at, updated_at: at });
      courseId.set(c.key, id);
    }
  }
  for (const s of demo.sessions) {
    const cid = courseId.get(s.course);
    if (!cid) throw new Error(`certification.json: session ${s.date}: unknown course ${s.course}`);
    let session = await repo.sessionOf(cid, s.date);
    if (!session) {
      session = { id: newId(), municipality_id: ctx.scope.municipalityId, course_id: cid, date: s.date, format: s.format, place: s.place, created_at: at };
      const { municipality_id: _m, ...row } = session;
      await repo.insertSession(row);
    }
    for (const p of s.participation) {
      const uid = need(p.unit, `session ${s.date}`);
      if (await repo.participationOf(session.id, uid)) continue;
      await repo.insertParticipation({ id: newId(), session_id: session.id, unit_id: uid, participants: p.participants, completed: p.names?.length ?? p.completed, names: p.names ? JSON.stringify(p.names) : null, created_at: at, updated_at: at });
    }
  }

  // Outreach contacts.
  const contacts = await repo.outreachContacts();
  for (const o of demo.outreach) {
    const org = await orgRepo.organisationByNumber(o.org);
    if (!org) throw new Error(`certification.json: outreach: unknown organisation ${o.org}`);
    if (contacts.some((c) => c.organisation_id === org.id && c.date === o.date && c.channel === o.channel)) continue;
    await repo.insertOutreach({ id: newId(), organisation_id: org.id, date: o.date, channel: o.channel, outcome: o.outcome, note: o.note, by_label: 'Per-Olav Strandmo (demo)', created_at: `${o.date}T12:00:00.000Z` });
  }

  // Annual reports, through the same import a municipality uses.
  const reports = path.join(demoDir, 'certification-reports.csv');
  if (fs.existsSync(reports)) await importReports(ctx, { reference }, 'certification-reports.csv', fs.readFileSync(reports));
};
