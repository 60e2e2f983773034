import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { ctxOf, requireUser } from '../platform/http/request-context.js';
import { authErrors, IdParams } from '../platform/http/schemas.js';
import { boundaryOf } from '../certification/certification.reference.js';
import { circularReference } from './circular.reference.js';
import { circularRepository } from './circular.repository.js';
import { circularPolicy } from './circular.policy.js';
import { cancelReservation, collectReservation, createItem, createPlace, editablePlaces, itemPhoto, listItems, marketFigures, marketOptions, publicPlaces, publicSchemes, reserveItem, updatePlace, uploadPhoto, withdrawItem, type CircularDeps, type PlaceBody as PlaceInput } from './circular.service.js';
import { AnyObject, Boundary, Item, ItemBody, ItemList, ItemQuery, Photo, PlaceBody, PlaceList, PlacePatch, PlaceQuery, Place, ReserveBody, Scheme } from './circular.schema.js';

// The directory is public (residents need no account) and always read as an anonymous actor;
// the marketplace and the maintenance of entries need a session.
const anonymous = (req: FastifyRequest): Ctx => ({ ...ctxOf(req), actor: { kind: 'anonymous' as const, municipalityId: req.municipality!.id } });

export async function circularRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['circular'];
  const deps = (): CircularDeps => ({ reference: circularReference(app.deps.config.dataDir), storage: app.deps.storage });
  const PUB = '/api/public/circular';
  const P = '/api/circular';
  const guard = { onRequest: requireUser };
  const conflict = { 409: Type.Ref('Error') };
  const pub = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
  const open = { 400: Type.Ref('Error'), 404: Type.Ref('Error'), 429: Type.Ref('Error') };

  r.get(`${PUB}/places`, { ...pub, schema: { tags, summary: 'The public directory of reuse, second-hand, repair and rental places: filter by what they take or fix, kind, text and open now (open data, no login)', querystring: PlaceQuery, response: { 200: PlaceList, ...open } } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return publicPlaces(anonymous(req), req.query);
  });
  r.get(`${PUB}/schemes`, { ...pub, schema: { tags, summary: "The municipality's support schemes for reuse and repair (circular grant rounds; apply after signing in)", response: { 200: Type.Array(Scheme), ...open } } }, async (req) => publicSchemes(anonymous(req)));
  r.get(`${PUB}/boundary`, { ...pub, schema: { tags, summary: "The municipality's boundary (GeoJSON MultiPolygon coordinates) for the directory map", response: { 200: Boundary, ...open } } }, async (req, reply) => {
    const slug = await circularRepository(anonymous(req).scope).municipalitySlug();
    const boundary = boundaryOf(app.deps.config.dataDir, slug);
    reply.header('cache-control', 'public, max-age=3600');
    return { boundary, attribution: boundary ? '© Kartverket' : null };
  });

  r.get(`${P}/directory`, { ...guard, schema: { tags, summary: 'Directory entries the caller may maintain (circular editors: all; a business user: their organisation’s)', response: { 200: AnyObject, ...authErrors } } }, async (req) => editablePlaces(ctxOf(req)));
  r.post(`${P}/directory`, { ...guard, schema: { tags, summary: 'Add a directory entry (circular editors; a business user for their own organisation)', body: PlaceBody, response: { 201: Place, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createPlace(ctxOf(req), req.body)));
  r.put(`${P}/directory/:id`, { ...guard, schema: { tags, summary: 'Change a directory entry: only the fields sent (circular editors; the business users of the linked organisation)', params: IdParams, body: PlacePatch, response: { 200: Place, ...authErrors } } }, async (req) => {
    const ctx = ctxOf(req);
    const before = await circularRepository(ctx.scope).placeById(req.params.id);
    if (!before) throw AppError.notFound('Stedet');
    if (!circularPolicy.editPlace(ctx.actor, before.organisation_id)) throw AppError.forbidden('Du kan bare endre oppføringer for din egen virksomhet');
    const current: PlaceInput = { name: before.name, kind: before.kind, organisationId: before.organisation_id, description: before.description, address: before.address, postalCode: before.postal_code, place: before.place, lat: before.lat === null ? null : Number(before.lat), lon: before.lon === null ? null : Number(before.lon), openingHours: JSON.parse(before.opening_hours), openingNote: before.opening_note, categories: JSON.parse(before.categories), phone: before.phone, email: before.email, website: before.website, active: Number(before.active) === 1 };
    return updatePlace(ctx, req.params.id, { ...current, ...(req.body as Partial<PlaceInput>) });
  });

  r.get(`${P}/options`, { ...guard, schema: { tags, summary: 'Marketplace categories with their reuse factors and sources, conditions, and the units the caller may act for (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => marketOptions(ctxOf(req), deps()));
  r.get(`${P}/items`, { ...guard, schema: { tags, summary: 'Surplus furniture and equipment of municipal units, newest first, with reservations (staff)', querystring: ItemQuery, response: { 200: ItemList, ...authErrors } } }, async (req) => listItems(ctxOf(req), deps(), req.query));
  r.post(`${P}/items`, { ...guard, schema: { tags, summary: "Post surplus furniture or equipment for one of the caller's units; upload the photo first (POST /api/circular/photos)", body: ItemBody, response: { 201: Item, ...authErrors } } }, async (req, reply) => reply.status(201).send(await createItem(ctxOf(req), deps(), req.body)));
  r.post(`${P}/photos`, { ...guard, bodyLimit: 25 * 1024 * 1024, schema: { tags, summary: 'Upload a photo of a surplus item (multipart: file, unitId); must be a real JPEG, PNG or WebP, at most 3 MB and 2400 px (the page resizes it to 1600 px first)', consumes: ['multipart/form-data'], response: { 201: Photo, ...authErrors, 413: Type.Ref('Error'), 415: Type.Ref('Error') } } }, async (req, reply) => {
    const ctx = ctxOf(req);
    if (!circularPolicy.readMarket(ctx.actor)) throw AppError.forbidden(); // before reading the upload
    const file = await req.file();
    if (!file) throw AppError.validation('Velg et bilde', [{ field: 'file', message: 'Bildet mangler' }]);
    const data = await file.toBuffer();
    const f = file.fields.unitId;
    const unitId = f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : null;
    return reply.status(201).send(await uploadPhoto(ctx, deps(), { unitId, filename: file.filename, data }));
  });
  r.get(`${P}/items/:id/photo`, { ...guard, schema: { tags, summary: "An item's photo (staff)", params: IdParams, response: authErrors } }, async (req, reply) => {
    const p = await itemPhoto(ctxOf(req), deps(), req.params.id);
    return reply.type(p.contentType).header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff').send(p.data);
  });
  r.post(`${P}/items/:id/reservations`, { ...guard, schema: { tags, summary: 'Reserve some or all of an item for a unit (one conditional update: of simultaneous reservations of the last one exactly one wins, the others get 409)', params: IdParams, body: ReserveBody, response: { 200: Item, ...authErrors, ...conflict } } }, async (req) => reserveItem(ctxOf(req), deps(), req.params.id, { unitId: req.body.unitId, quantity: req.body.quantity }));
  r.post(`${P}/items/:id/withdraw`, { ...guard, schema: { tags, summary: 'Withdraw an available item (the giving unit)', params: IdParams, response: { 200: Item, ...authErrors, ...conflict } } }, async (req) => withdrawItem(ctxOf(req), deps(), req.params.id));
  r.post(`${P}/reservations/:id/collected`, { ...guard, schema: { tags, summary: 'Confirm that a reservation was picked up; from then on it counts as reused (the giving or the receiving unit)', params: IdParams, response: { 200: Item, ...authErrors, ...conflict } } }, async (req) => collectReservation(ctxOf(req), deps(), req.params.id));
  r.post(`${P}/reservations/:id/cancel`, { ...guard, schema: { tags, summary: 'Cancel an open reservation; the quantity goes back to the item (the giving or the receiving unit)', params: IdParams, response: { 200: Item, ...authErrors, ...conflict } } }, async (req) => cancelReservation(ctxOf(req), deps(), req.params.id));
  r.get(`${P}/figures`, { ...guard, schema: { tags, summary: 'What the marketplace saved: items, kg, NOK and kg CO2e per year and category, from the factors in data/reference/circular (staff)', response: { 200: AnyObject, ...authErrors } } }, async (req) => marketFigures(ctxOf(req), deps()));
}
