import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { foodwasteReference } from './foodwaste.reference.js';
import { foodwastePolicy } from './foodwaste.policy.js';
import { addListItem, claimOffer, closeOffer, createKitchen, createOffer, createRegistration, exportRegistrations, importRegistrations, kitchenDashboard, listItems, listKitchens, listOffers, listRegistrations, options, overview, recordActivity, updateListItem, type FoodwasteDeps } from './foodwaste.service.js';
import { Activity, ActivityBody, AnyObject, ClaimBody, DateQuery, ExportQuery, ImportResult, Kitchen, KitchenBody, ListItem, ListItemBody, ListItemPatch, Offer, OfferBody, OffersQuery, Registration, RegistrationBody, RegistrationQuery } from './foodwaste.schema.js';

export async function foodwasteRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['foodwaste'];
  const deps = (): FoodwasteDeps => ({ reference: foodwasteReference(app.deps.config.dataDir) });
  const P = '/api/foodwaste';
  const guard = { onRequest: requireUser };
  const conflict = { 409: Type.Ref('Error') };

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Stages, categories, reasons, destinations, activity kinds, limits and factors with sources', response: { 200: AnyObject, ...authErrors } } }, async (req) => options(ctxOf(req), deps()));
  r.get(`${P}/list-items`, { ...guard, schema: { tags, summary: "The municipality's own stages, categories, reasons and destinations (the built-in ones are in /options)", response: { 200: Type.Array(ListItem), ...authErrors } } }, async (req) => listItems(ctxOf(req)));
  r.post(`${P}/list-items`, { ...guard, schema: { tags, summary: 'Add a stage, category, reason or destination (food-waste editors); the key is made from the Norwegian name', body: ListItemBody, response: { 201: ListItem, ...authErrors } } }, async (req, reply) => reply.status(201).send(await addListItem(ctxOf(req), req.body)));
  r.put(`${P}/list-items/:id`, { ...guard, schema: { tags, summary: 'Rename an own list entry, or take it out of use and back (registrations that use it keep it)', params: IdParams, body: ListItemPatch, response: { 200: ListItem, ...authErrors } } }, async (req) => updateListItem(ctxOf(req), req.params.id, req.body));

  r.get(`${P}/kitchens`, { ...guard, schema: { tags, summary: "Kitchens the caller may see (editors and staff: all; a unit manager: their units'; a business user: their organisation's), each with its status against its target", querystring: DateQuery, response: { 200: Type.Array(Kitchen), ...authErrors } } }, async (req) => listKitchens(ctxOf(req), deps(), req.query.date));
  r.post(`${P}/kitchens`, { ...guard, schema: { tags, summary: 'Add a kitchen for a municipal unit or an external organisation, with baseline period and target (food-waste editors)', body: KitchenBody, response: { 201: Kitchen, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createKitchen(ctxOf(req), req.body)));
  r.get(`${P}/kitchens/:id`, { ...guard, schema: { tags, summary: "One kitchen's dashboard: quarterly trend against the path to its target, status, last 12 months by stage, category, reason and weekday", params: IdParams, querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => kitchenDashboard(ctxOf(req), deps(), req.params.id, req.query.date));

  r.get(`${P}/registrations`, { ...guard, schema: { tags, summary: 'Registrations of the kitchens the caller may see (newest 1000)', querystring: RegistrationQuery, response: { 200: Type.Array(Registration), ...authErrors } } }, async (req) => listRegistrations(ctxOf(req), req.query));
  r.get(`${P}/registrations/export`, { ...guard, schema: { tags, summary: 'Registrations of the kitchens the caller may see as CSV or XLSX, in the columns the import reads', querystring: ExportQuery, response: authErrors } }, async (req, reply) => {
    const f = await exportRegistrations(ctxOf(req), req.query);
    return reply.type(f.contentType).header('content-disposition', `attachment; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.body);
  });
  r.post(`${P}/registrations`, { ...guard, schema: { tags, summary: "Register weighed food waste for one of the caller's kitchens; a repeated clientId (offline queue) is stored once", body: RegistrationBody, response: { 200: Registration, 201: Registration, ...authErrors, ...conflict } } }, async (req, reply) => {
    const saved = await createRegistration(ctxOf(req), deps(), req.body);
    return reply.status(saved.duplicate ? 200 : 201).send(saved);
  });
  r.post(`${P}/registrations/import`, { ...guard, schema: { tags, summary: 'Import registrations from CSV or XLSX (multipart field "file"; columns kjøkken;dato;ledd;kategori;årsak;mottak;kg); all or nothing, bad lines listed', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...authErrors, 422: Type.Ref('Error') } } }, async (req) => {
    const ctx = ctxOf(req);
    if (!foodwastePolicy.importRegistrations(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const file = await req.file();
    if (!file) throw AppError.validation('Velg en fil', [{ field: 'file', message: 'Filen mangler' }]);
    return importRegistrations(ctx, deps(), file.filename, await file.toBuffer());
  });
  r.post(`${P}/activity`, { ...guard, schema: { tags, summary: "Record a kitchen's activity for a day (portions served, guest nights, NOK of food bought or resident days); replaces that day's value", body: ActivityBody, response: { 200: Activity, ...authErrors } } }, async (req) => recordActivity(ctxOf(req), req.body));

  r.get(`${P}/overview`, { ...guard, schema: { tags, summary: "The municipality's figures: last 12 months by stage, category, reason, weekday; CO2e and money lost; kg per resident; worst and most improved kitchens; redistribution (staff)", querystring: DateQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => overview(ctxOf(req), deps(), req.query.date));

  r.get(`${P}/offers`, { ...guard, schema: { tags, summary: 'Surplus-food offers: open ones for receivers and staff, own ones for donors, claimed ones for their receiver; with near=lat,lon the nearest first', querystring: OffersQuery, response: { 200: AnyObject, ...authErrors } } }, async (req) => listOffers(ctxOf(req), req.query));
  r.post(`${P}/offers`, { ...guard, schema: { tags, summary: "Offer surplus food from one of the caller's kitchens; it expires at the end of the pickup window", body: OfferBody, response: { 201: Offer, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createOffer(ctxOf(req), deps(), req.body)));
  r.post(`${P}/offers/:id/claim`, { ...guard, schema: { tags, summary: 'Claim an open offer for a receiver (one conditional update: of simultaneous claims exactly one wins, the others get 409)', params: IdParams, body: ClaimBody, response: { 200: Offer, ...authErrors, ...conflict } } }, async (req) => claimOffer(ctxOf(req), req.params.id, req.body));
  r.post(`${P}/offers/:id/collected`, { ...guard, schema: { tags, summary: 'Confirm that a claimed offer was picked up (donor or receiver)', params: IdParams, response: { 200: Offer, ...authErrors, ...conflict } } }, async (req) => closeOffer(ctxOf(req), req.params.id, 'collected'));
  r.post(`${P}/offers/:id/no-show`, { ...guard, schema: { tags, summary: 'Record that a claimed offer was not picked up (donor)', params: IdParams, response: { 200: Offer, ...authErrors, ...conflict } } }, async (req) => closeOffer(ctxOf(req), req.params.id, 'no_show'));
}
