import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Lists (stages, categories…) are data an admin may extend, so they are strings here and checked
// by the service against the lists, with Norwegian messages; weights are plain numbers for the same reason.
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-mm-dd' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
/** A response object whose documented fields are listed, and which may carry more (nested views). */
const Open = <T extends Record<string, TSchema>>(props: T, description?: string) => Type.Object(props, { additionalProperties: true, ...(description ? { description } : {}) });

export const DateQuery = Type.Object({ date: Type.Optional(IsoDate) });
export const AnyObject = Type.Object({}, { additionalProperties: true });

export const Kitchen = Open({ id: Type.String(), name: Type.String(), kind: Type.String(), unitId: Nullable(Type.String()), organisationId: Nullable(Type.String()), activityKind: Type.String() });
export const KitchenBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  kind: Type.String({ maxLength: 50 }),
  unitId: Type.Optional(Nullable(Id)),
  organisationId: Type.Optional(Nullable(Id)),
  activityKind: Type.String({ maxLength: 50 }),
  baselineFrom: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  baselineTo: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  targetReduction: Type.Optional(Type.Number()),
  targetDate: Type.Optional(Type.String({ maxLength: 10 })),
  lat: Type.Optional(Nullable(Type.Number({ description: 'WGS 84 latitude of the kitchen' }))),
  lon: Type.Optional(Nullable(Type.Number({ description: 'WGS 84 longitude of the kitchen' }))),
});

export const Registration = Open({ id: Type.String(), kitchenId: Type.String(), date: Type.String(), stage: Type.String(), category: Type.String(), reason: Type.String(), destination: Type.String(), kg: Type.Number(), enteredBy: Type.String() });
export const RegistrationBody = Type.Object({
  kitchenId: Id,
  date: Type.String({ maxLength: 10 }),
  stage: Type.String({ maxLength: 50 }),
  category: Type.String({ maxLength: 50 }),
  reason: Type.String({ maxLength: 50 }),
  destination: Type.String({ maxLength: 50 }),
  kg: Type.Number(),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  clientId: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 100 }))),
});
export const RegistrationQuery = Type.Object({ kitchenId: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
export const ExportQuery = Type.Object({ kitchenId: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) });
export const ImportResult = Type.Object({ file: Type.String(), rows: Type.Integer(), created: Type.Integer(), unchanged: Type.Integer() });

export const ActivityBody = Type.Object({ kitchenId: Id, date: Type.String({ maxLength: 10 }), amount: Type.Number() });
export const Activity = Type.Object({ id: Type.String(), kitchenId: Type.String(), date: Type.String(), amount: Type.Number() });

export const Offer = Open({ id: Type.String(), kitchenId: Type.String(), donor: Type.String(), title: Type.String(), kg: Type.Number(), status: Type.String(), expiresAt: Type.String() });
export const OfferBody = Type.Object({
  kitchenId: Id,
  title: Type.String({ maxLength: 200 }),
  kg: Type.Number(),
  bestBefore: Type.String({ maxLength: 10 }),
  pickupFrom: Type.String({ maxLength: 40 }),
  pickupTo: Type.String({ maxLength: 40 }),
  place: Type.String({ maxLength: 200 }),
  coldChain: Type.Optional(Type.Boolean()),
  lat: Type.Optional(Nullable(Type.Number({ description: "WGS 84 latitude of the pickup place; the kitchen's own when left out" }))),
  lon: Type.Optional(Nullable(Type.Number({ description: 'WGS 84 longitude of the pickup place' }))),
});
export const OffersQuery = Type.Object({
  near: Type.Optional(Type.String({ maxLength: 60, description: '"lat,lon" (WGS 84): nearest offers first, each with its distance in km' })),
  withinKm: Type.Optional(Type.Number({ description: 'with near: leave out offers farther away than this' })),
});

const ListName = Type.String({ maxLength: 30, description: 'stages | categories | reasons | destinations' });
export const ListItem = Type.Object({ id: Type.String(), list: Type.String(), key: Type.String(), labelNb: Type.String(), labelEn: Type.String(), active: Type.Boolean(), createdAt: Type.String(), updatedAt: Type.String() });
export const ListItemBody = Type.Object({ list: ListName, labelNb: Type.String({ maxLength: 200 }), labelEn: Type.Optional(Type.String({ maxLength: 200 })) });
export const ListItemPatch = Type.Object({ labelNb: Type.Optional(Type.String({ maxLength: 200 })), labelEn: Type.Optional(Type.String({ maxLength: 200 })), active: Type.Optional(Type.Boolean()) });
export const ClaimBody = Type.Object({ receiverOrganisationId: Type.Optional(Nullable(Id)) });
