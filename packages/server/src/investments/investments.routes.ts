import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { InvestmentPolicy } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors } from '../platform/http/schemas.js';
import { investmentsPolicy } from './investments.policy.js';
import { adoptPolicy, currentPolicy, importCompanyData, decideReview, divestments, importHoldings, importList, overview, reportPdf, reportXlsx, reviewQueue, screening, setDivestment, type InvestmentsDeps } from './investments.service.js';
import { AnyObject, DecisionBody, DivestmentBody, PolicyBody, ReportQuery } from './investments.schema.js';

export async function investmentsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['investments'];
  const deps = (): InvestmentsDeps => ({ dataDir: app.deps.config.dataDir });
  const P = '/api/investments';
  const guard = { onRequest: requireUser };
  const errors = { ...authErrors, 422: { $ref: 'Error' } } as const;

  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: 'Policy in force, exclusion lists with versions, portfolios with each report’s figures, trend over report dates (investments editors)', response: { 200: AnyObject, ...authErrors } } }, async (req) => overview(ctxOf(req), deps()));
  r.get(`${P}/policy`, { ...guard, schema: { tags, summary: 'The policy in force (newest adopted version, or the shipped default)', response: { 200: AnyObject, ...authErrors } } }, async (req) => currentPolicy(ctxOf(req), deps()));
  r.post(`${P}/policy`, { ...guard, schema: { tags, summary: 'Adopt a new version of the policy: criteria with thresholds, adopted lists, the council decision', body: PolicyBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await adoptPolicy(ctxOf(req), req.body as InvestmentPolicy)));

  const upload = async (req: FastifyRequest) => {
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    const data: Buffer = await file.toBuffer();
    const field = (name: string) => {
      const f = file.fields[name];
      return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : '';
    };
    return { file, field, data };
  };
  r.post(`${P}/lists/import`, { ...guard, schema: { tags, summary: 'Import a version of an exclusion list (multipart: file; fields listKey, listName). CSV/XLSX with name, isin, lei, country, category, criterion, decision, date, or the Norges Bank table as HTML/text; all or nothing, the same content twice changes nothing', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!investmentsPolicy.edit(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const u = await upload(req);
    return importList(ctx, { listKey: u.field('listKey') || 'nbim', listName: u.field('listName'), fileName: u.file.filename, data: u.data });
  });
  r.post(`${P}/company-data/import`, { ...guard, schema: { tags, summary: 'Import a company data feed (multipart: file). CSV/XLSX with name, isin, year, source, revenue_share_<activity> (per cent), metric_<name>; threshold criteria then reach companies no list names; all or nothing', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!investmentsPolicy.edit(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const u = await upload(req);
    return importCompanyData(ctx, { fileName: u.file.filename, data: u.data });
  });
  r.post(`${P}/holdings/import`, { ...guard, schema: { tags, summary: "Import a custodian's holdings report (multipart: file; fields portfolioKey, portfolioName, asOf). CSV/XLSX with name, isin, lei, country, market_value_nok; extra columns kept; one report per portfolio and date", consumes: ['multipart/form-data'], response: { 200: AnyObject, ...errors } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!investmentsPolicy.edit(ctx.actor)) throw AppError.forbidden();
    const u = await upload(req);
    return importHoldings(ctx, { portfolioKey: u.field('portfolioKey'), portfolioName: u.field('portfolioName'), asOf: u.field('asOf'), fileName: u.file.filename, data: u.data });
  });

  r.get(`${P}/screening`, { ...guard, schema: { tags, summary: 'One report screened against the policy: holdings in breach by criterion with market value and share, fossil exposure, review candidates (default: the newest report)', querystring: ReportQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => screening(ctxOf(req), deps(), req.query.reportId));
  r.get(`${P}/screening/export.xlsx`, { ...guard, schema: { tags, summary: "The finance committee's workbook for one report (summary, by criterion, breaches, review)", querystring: ReportQuery, response: authErrors } }, async (req, reply) => {
    const f = await reportXlsx(ctxOf(req), deps(), req.query.reportId);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/screening/report.pdf`, { ...guard, schema: { tags, summary: "The finance committee's report for one holdings report as PDF (figures, breaches by criterion, review, divestments, method)", querystring: ReportQuery, response: authErrors } }, async (req, reply) => {
    const f = await reportPdf(ctxOf(req), deps(), req.query.reportId);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/review`, { ...guard, schema: { tags, summary: 'Candidate matches in the newest report of every portfolio that nobody has confirmed or rejected', response: { 200: AnyObject, ...authErrors } } }, async (req) => ({ items: await reviewQueue(ctxOf(req), deps()) }));
  r.post(`${P}/review`, { ...guard, schema: { tags, summary: 'Confirm or reject a candidate match; remembered for every later report', body: DecisionBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => decideReview(ctxOf(req), req.body));
  r.get(`${P}/divestments`, { ...guard, schema: { tags, summary: 'Divestment tracker: each breach of the newest reports with its status (flagged → decided → sold), dates, who, age', response: { 200: AnyObject, ...authErrors } } }, async (req) => ({ items: await divestments(ctxOf(req), deps()) }));
  r.post(`${P}/divestments`, { ...guard, schema: { tags, summary: 'Move a breach along the divestment tracker (never backwards)', body: DivestmentBody, response: { 200: AnyObject, ...authErrors } } }, async (req) => setDivestment(ctxOf(req), req.body));
}
