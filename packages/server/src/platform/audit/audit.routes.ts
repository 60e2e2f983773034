import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ctxOf, pageOf, requireUser } from '../http/request-context.js';
import { authErrors, Nullable, PageQuery, Paged } from '../http/schemas.js';
import { auditFacets, listAudit } from './audit.service.js';

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorLabel: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  summary: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const Filter = Type.Object({
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  actorId: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

const csvCell = (v: unknown) => {
  const raw = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A cell that Excel would take for a formula (a file name, a user's name) is prefixed with ' (OWASP: CSV injection).
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit'];
  const filterOf = (q: { from?: string; to?: string }) => ({ ...q, to: q.to ? `${q.to}T23:59:59.999Z` : undefined });
  r.get('/api/audit', { onRequest: requireUser, schema: { tags, summary: 'The audit log, newest first (admins)', querystring: Type.Composite([PageQuery, Filter]), response: { 200: Paged(Entry), ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await listAudit(ctxOf(req), filterOf(req.query), page)), ...page };
  });
  r.get('/api/audit/facets', { onRequest: requireUser, schema: { tags, summary: 'Entity types and actions present in the log (for filters)', response: { 200: Type.Object({ entityTypes: Type.Array(Type.String()), actions: Type.Array(Type.String()) }), ...authErrors } } }, async (req) => auditFacets(ctxOf(req)));
  r.get('/api/audit/export.csv', { onRequest: requireUser, schema: { tags, summary: 'The filtered audit log as CSV (semicolon-separated, UTF-8 with BOM, for Excel)', querystring: Filter } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const lines = ['tidspunkt;aktør;handling;type;id;beskrivelse;før;etter'];
    for (let offset = 0; ; offset += 500) {
      const { items } = await listAudit(ctx, filterOf(req.query), { limit: 500, offset });
      for (const e of items) lines.push([e.at, e.actorLabel, e.action, e.entityType, e.entityId, e.summary, e.before, e.after].map(csvCell).join(';'));
      if (items.length < 500) break;
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="revisjonslogg.csv"').send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });
}
