import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { procurementPolicy } from './procurement.policy.js';
import { carbonPricePath } from './procurement.reference.js';
import {
  awardTender,
  createCriterion,
  createTender,
  deleteBid,
  followUpDashboard,
  getContract,
  getTender,
  listBids,
  listContracts,
  listCriteria,
  listTenders,
  loadStarterCriteria,
  publishTender,
  recordOutcome,
  saveBid,
  tenderEvaluation,
  updateCriterion,
  updateTender,
  CRITERION_TYPES,
  LEVELS,
  PROCEDURES,
  PRODUCT_GROUPS,
  type ProcurementDeps,
} from './procurement.service.js';
import { exportOcds, importOcds } from './procurement.ocds.js';
import { evaluationPdf, evaluationXlsx } from './procurement.report.js';
import { AnyObject, AwardBody, Bid, BidBody, CriteriaQuery, Criterion, CriterionBody, FollowUp, ImportResult, OcdsQuery, OutcomeBody, PublishBody, TenderBody } from './procurement.schema.js';

export async function procurementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['procurement'];
  const deps = (): ProcurementDeps => ({ dataDir: app.deps.config.dataDir });
  const P = '/api/procurement';
  const guard = { onRequest: requireUser };
  const conflict = { 409: Type.Ref('Error') };
  const file = (f: { fileName: string; body: Buffer }, type: string) => ({ ...f, type });

  r.get(`${P}/reference`, { ...guard, schema: { tags, summary: 'Product groups, criterion types, levels, procedures and the carbon price path with its source (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => {
    if (!procurementPolicy.read(ctxOf(req).actor)) throw AppError.forbidden();
    return { productGroups: PRODUCT_GROUPS, criterionTypes: CRITERION_TYPES, levels: LEVELS, procedures: PROCEDURES, carbonPricePath: carbonPricePath(app.deps.config.dataDir) };
  });

  r.get(`${P}/library`, { ...guard, schema: { tags, summary: 'The criteria library, optionally one product group (staff)', querystring: CriteriaQuery, response: { 200: Type.Array(Criterion), ...authErrors } } }, async (req) => listCriteria(ctxOf(req), req.query));
  r.post(`${P}/library`, { ...guard, schema: { tags, summary: 'Add a criterion to the library (procurement editors)', body: CriterionBody, response: { 201: Criterion, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createCriterion(ctxOf(req), deps(), req.body)));
  r.put(`${P}/library/:id`, { ...guard, schema: { tags, summary: 'Edit a criterion of the library; the key stays (procurement editors)', params: IdParams, body: CriterionBody, response: { 200: Criterion, ...authErrors } } }, async (req) => updateCriterion(ctxOf(req), deps(), req.params.id, req.body));
  r.post(`${P}/library/load-starter`, { ...guard, schema: { tags, summary: 'Load the starter library shipped with the platform; criteria already there are kept as edited (procurement editors)', response: { 200: AnyObject, ...authErrors } } }, async (req) => loadStarterCriteria(ctxOf(req), deps()));

  r.get(`${P}/tenders`, { ...guard, schema: { tags, summary: 'Tenders with their environment weight and rule check (staff)', response: { 200: Type.Array(AnyObject), ...authErrors } } }, async (req) => listTenders(ctxOf(req), deps()));
  r.post(`${P}/tenders`, { ...guard, schema: { tags, summary: 'Create a draft tender: criteria with weights or ranks, requirements from the library, lots, exception (procurement editors)', body: TenderBody, response: { 201: AnyObject, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createTender(ctxOf(req), deps(), req.body as never)));
  r.get(`${P}/tenders/:id`, { ...guard, schema: { tags, summary: 'One tender with the 30 % rule check explained (staff)', params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => getTender(ctxOf(req), deps(), req.params.id));
  r.put(`${P}/tenders/:id`, { ...guard, schema: { tags, summary: 'Change a draft tender (procurement editors)', params: IdParams, body: TenderBody, response: { 200: AnyObject, ...authErrors, ...conflict } } }, async (req) => updateTender(ctxOf(req), deps(), req.params.id, req.body as never));
  r.post(`${P}/tenders/:id/publish`, { ...guard, schema: { tags, summary: 'Publish a draft; refused with the plain explanation when environment weighs too little without a justified exception (procurement editors)', params: IdParams, body: PublishBody, response: { 200: AnyObject, ...authErrors, ...conflict } } }, async (req) => publishTender(ctxOf(req), deps(), req.params.id, req.body ?? {}));
  r.get(`${P}/tenders/:id/bids`, { ...guard, schema: { tags, summary: 'Bids of a tender (staff)', params: IdParams, response: { 200: Type.Array(Bid), ...authErrors } } }, async (req) => listBids(ctxOf(req), req.params.id));
  r.post(`${P}/tenders/:id/bids`, { ...guard, schema: { tags, summary: 'Add or replace (by label) a bid with price, points per criterion and life-cycle data (procurement editors)', params: IdParams, body: BidBody, response: { 200: Bid, ...authErrors, ...conflict } } }, async (req) => saveBid(ctxOf(req), req.params.id, req.body as never));
  r.delete(`${P}/bids/:id`, { ...guard, schema: { tags, summary: 'Delete a bid before award (procurement editors)', params: IdParams, response: { 204: Type.Null(), ...authErrors, ...conflict } } }, async (req, reply) => {
    await deleteBid(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.get(`${P}/tenders/:id/evaluation`, { ...guard, schema: { tags, summary: 'Points per criterion, totals, ranking, rank-reversal and sensitivity, life-cycle cost beside the price (staff)', params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => tenderEvaluation(ctxOf(req), deps(), req.params.id));
  r.get(`${P}/tenders/:id/report.pdf`, { ...guard, schema: { tags, summary: 'The evaluation report for the procurement file as PDF (staff)', params: IdParams, response: authErrors } }, async (req, reply) => {
    const f = file(await evaluationPdf(ctxOf(req), deps(), req.params.id), 'application/pdf');
    return reply.type(f.type).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.get(`${P}/tenders/:id/report.xlsx`, { ...guard, schema: { tags, summary: 'The evaluation report as an Excel workbook (staff)', params: IdParams, response: authErrors } }, async (req, reply) => {
    const f = file(await evaluationXlsx(ctxOf(req), deps(), req.params.id), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.type(f.type).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.post(`${P}/tenders/:id/award`, { ...guard, schema: { tags, summary: 'Award to a bid: the contract is made and each requirement becomes follow-up items with due dates (procurement editors)', params: IdParams, body: AwardBody, response: { 200: AnyObject, ...authErrors, ...conflict } } }, async (req) => awardTender(ctxOf(req), deps(), req.params.id, req.body));

  r.get(`${P}/contracts`, { ...guard, schema: { tags, summary: 'Contracts with their follow-up items (staff)', response: { 200: Type.Array(AnyObject), ...authErrors } } }, async (req) => listContracts(ctxOf(req)));
  r.get(`${P}/contracts/:id`, { ...guard, schema: { tags, summary: 'One contract with its follow-up items (staff)', params: IdParams, response: { 200: AnyObject, ...authErrors } } }, async (req) => getContract(ctxOf(req), req.params.id));
  r.post(`${P}/follow-ups/:id/outcome`, { ...guard, schema: { tags, summary: "Record a check's outcome; for a deviation the sanction and when it was closed (procurement editors, the responsible unit's manager)", params: IdParams, body: OutcomeBody, response: { 200: FollowUp, ...authErrors } } }, async (req) => recordOutcome(ctxOf(req), req.params.id, req.body));
  r.get(`${P}/follow-up`, { ...guard, schema: { tags, summary: 'Dashboard: overdue follow-ups, open deviations and what is due in 90 days, per responsible unit (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => followUpDashboard(ctxOf(req)));

  r.get(`${P}/ocds`, { ...guard, schema: { tags, summary: 'Tenders, awards and contracts as an OCDS 1.1 release package, validated against the official schema (staff)', querystring: OcdsQuery, response: { 200: AnyObject, ...authErrors } } }, async (req, reply) => {
    const pkg = await exportOcds(ctxOf(req), deps(), req.query.tender ? [req.query.tender] : undefined);
    return reply.header('content-disposition', 'attachment; filename="ocds-release-package.json"').send(pkg);
  });
  r.post(`${P}/ocds/import`, { ...guard, schema: { tags, summary: 'Import an OCDS release package (JSON body); all or nothing, idempotent by ocid (procurement editors)', body: AnyObject, response: { 200: ImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => importOcds(ctxOf(req), deps(), 'ocds.json', req.body));
}
