import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ledgerColumnOf, type LedgerColumn } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors } from '../platform/http/schemas.js';
import { climatePolicy } from './climate.policy.js';
import { climateReference } from './climate.reference.js';
import { climateRepository } from './climate.repository.js';
import { decideFactor, editMapping, energyUses, importEnergy, importLedger, imports, mapAnsvar, report, setSupplierFactor, sources, summaryPdf, type ClimateDeps } from './climate.service.js';
import { Type } from '@sinclair/typebox';
import { reportFile } from './climate.export.js';
import { AnsvarBody, AnyObject, DecisionBody, ExportQuery, MappingBody, ReportQuery, SupplierFactorBody } from './climate.schema.js';

/** Ledger uploads may be far larger than other uploads (a year's ledger is 30–100 MB). */
const MAX_LEDGER_BYTES = 1024 * 1024 * 1024;

export async function climateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['climate'];
  const deps = (): ClimateDeps => ({ reference: climateReference(app.deps.config.dataDir), sqlite: app.deps.database.sqlite });
  const P = '/api/climate';
  const guard = { onRequest: requireUser };

  r.get(`${P}/imports`, { ...guard, schema: { tags, summary: 'Imported ledger files and the years with data', response: { 200: AnyObject, ...authErrors } } }, async (req) => imports(ctxOf(req)));
  r.post(`${P}/imports`, { ...guard, schema: { tags, summary: 'Import a ledger export (multipart: field "file"; optional fields "map" as col=Header,… and "replacePeriod"); all or nothing, every bad line listed', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-ledger-'));
    try {
      let file: string | null = null;
      let filename = 'hovedbok.csv';
      const fields: Record<string, string> = {};
      for await (const part of req.parts({ limits: { fileSize: MAX_LEDGER_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          filename = part.filename || filename;
          file = path.join(tmp, 'upload');
          await pipeline(part.file, fs.createWriteStream(file));
          if (part.file.truncated) throw new AppError('payload_too_large', 'Filen er for stor');
        } else fields[part.fieldname] = String(part.value);
      }
      if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
      const map: Partial<Record<LedgerColumn, string>> = {};
      for (const pair of (fields.map ?? '').split(',').filter(Boolean)) {
        const i = pair.indexOf('=');
        const col = i > 0 ? ledgerColumnOf(pair.slice(0, i)) : null;
        if (!col) throw AppError.validation(`Ukjent kolonne i oppsettet: ${pair}`, [{ field: 'map', message: 'Bruk kolonne=Overskrift' }]);
        map[col] = pair.slice(i + 1).trim();
      }
      return await importLedger(ctx, deps(), { path: file, filename, map, replacePeriod: fields.replacePeriod === 'true' });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  r.get(`${P}/energy`, { ...guard, schema: { tags, summary: 'Physical energy use (kWh per ansvar, year and carrier) on record, with the kWh factors and their sources', response: { 200: AnyObject, ...authErrors } } }, async (req) => energyUses(ctxOf(req), deps()));
  r.post(`${P}/energy`, { ...guard, schema: { tags, summary: 'Import physical energy use (multipart: field "file", CSV or XLSX with ansvar, år, energibærer, kWh); replaces the spend-based emissions of energy arts for those ansvar and years; all or nothing', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!climatePolicy.edit(ctx.actor)) throw AppError.forbidden();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'omstilling-energy-'));
    try {
      let file: string | null = null;
      let filename = 'energibruk.csv';
      for await (const part of req.parts({ limits: { fileSize: 20 * 1024 * 1024, files: 1 } })) {
        if (part.type !== 'file') continue;
        filename = part.filename || filename;
        file = path.join(tmp, 'upload');
        await pipeline(part.file, fs.createWriteStream(file));
        if (part.file.truncated) throw new AppError('payload_too_large', 'Filen er for stor');
      }
      if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
      return await importEnergy(ctx, deps(), { path: file, filename });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  r.get(`${P}/report`, { ...guard, schema: { tags, summary: "Purchases' emissions of a year by unit (tree roll-up), art, funksjon, supplier or month; data kinds; the 20 largest hotspots; the factor set used", querystring: ReportQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => report(ctxOf(req), deps(), req.query.year, req.query.by, req.query.set));
  r.get(`${P}/report/export`, { ...guard, schema: { tags, summary: 'The same report as CSV or XLSX', querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const f = await reportFile(await report(ctxOf(req), deps(), req.query.year, req.query.by, req.query.set), req.query.format);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/report/summary.pdf`, { ...guard, schema: { tags, summary: 'A PDF summary of a year for the council report (totals, year against year, data kinds, units, arts, hotspots, sources, uncertainty)', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) }), response: authErrors } }, async (req, reply) => {
    const f = await summaryPdf(ctxOf(req), deps(), req.query.year);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/sources`, { ...guard, schema: { tags, summary: 'Factor sets with provenance and flags, the art → category mapping with rationale, conversion (rate and price index), the exclusion rule', response: { 200: AnyObject, ...authErrors } } }, async (req) => sources(ctxOf(req), deps()));
  r.get(`${P}/ansvar`, { ...guard, schema: { tags, summary: 'The mapping of responsibility codes (ansvar) to municipal units', response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
    const repo = climateRepository(ctx.scope);
    const units = new Map((await repo.units()).map((u) => [u.id, u]));
    return { rows: (await repo.ansvarUnits()).map((a) => ({ ansvar: a.ansvar, unitKey: units.get(a.unit_id)?.key ?? null, unitName: units.get(a.unit_id)?.name ?? null })) };
  });
  r.put(`${P}/ansvar`, { ...guard, schema: { tags, summary: 'Map responsibility codes to units (by unit key; climate editors)', body: AnsvarBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => ({ updated: await mapAnsvar(ctxOf(req), req.body.rows) }));
  r.put(`${P}/mapping`, { ...guard, schema: { tags, summary: 'Change the category of an art (optionally for one funksjon) with a rationale (climate editors)', body: MappingBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => editMapping(ctxOf(req), deps(), req.body));
  r.get(`${P}/supplier-factors`, { ...guard, schema: { tags, summary: 'Supplier-specific factors on record, with year and source', response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!climatePolicy.read(ctx.actor)) throw AppError.forbidden();
    return { rows: (await climateRepository(ctx.scope).supplierFactors()).map((s) => ({ orgnr: s.orgnr, year: Number(s.year), kgPerNok: Number(s.kg_per_nok), source: s.source, createdBy: s.created_by_label, createdAt: s.created_at })) };
  });
  r.put(`${P}/supplier-factors`, { ...guard, schema: { tags, summary: "A supplier-specific factor (kg CO2e per NOK) from the supplier's climate report, with year and source (climate editors)", body: SupplierFactorBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    await setSupplierFactor(ctxOf(req), req.body);
    return { ok: true };
  });
  r.put(`${P}/factor-decisions`, { ...guard, schema: { tags, summary: 'Confirm (value null) or replace a flagged factor so that it is used (climate editors)', body: DecisionBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    await decideFactor(ctxOf(req), deps(), req.body);
    return { ok: true };
  });
}
