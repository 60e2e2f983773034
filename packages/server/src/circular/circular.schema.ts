import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Kinds, categories and opening hours are checked by core with Norwegian messages naming the field;
// the schemas only shape the data.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Open = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: true });
const Text = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export const AnyObject = Type.Object({}, { additionalProperties: true });

const Hours = Type.Record(Type.String({ maxLength: 3 }), Type.Array(Type.Array(Type.String({ maxLength: 5 }), { maxItems: 2 }), { maxItems: 6 }), { description: 'Per weekday (mon…sun): [["10:00","17:00"], …] in local time; a missing day is closed' });

export const Place = Open({ id: Type.String(), name: Type.String(), kind: Type.String(), categories: Type.Array(Type.String()), openNow: Type.Boolean(), lat: Nullable(Type.Number()), lon: Nullable(Type.Number()) });
export const PlaceList = Open({ items: Type.Array(Place), total: Type.Integer() });
export const PlaceQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 40, description: 'what the place takes or fixes, e.g. bicycles' })),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  openNow: Type.Optional(Type.Boolean({ description: 'only places open now (Oslo time)' })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
const placeFields = {
  name: Type.String({ maxLength: 200 }),
  kind: Type.String({ maxLength: 40 }),
  organisationId: Type.Optional(Nullable(Id)),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  address: Text(200),
  postalCode: Text(10),
  place: Text(100),
  lat: Type.Optional(Nullable(Type.Number({ description: 'WGS 84 latitude' }))),
  lon: Type.Optional(Nullable(Type.Number({ description: 'WGS 84 longitude' }))),
  openingHours: Type.Optional(Hours),
  openingNote: Text(300),
  categories: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  phone: Text(30),
  email: Text(200),
  website: Text(300),
  active: Type.Optional(Type.Boolean()),
};
export const PlaceBody = Type.Object(placeFields);
/** A change: only the fields sent are changed. */
export const PlacePatch = Type.Partial(Type.Object(placeFields));

export const Scheme = Open({ id: Type.String(), title: Type.String(), deadline: Type.String(), state: Type.String() });
export const Boundary = Type.Object({ boundary: Nullable(Type.Array(Type.Any())), attribution: Nullable(Type.String()) });

export const Item = Open({ id: Type.String(), unitId: Type.String(), title: Type.String(), category: Type.String(), quantity: Type.Integer(), quantityLeft: Type.Integer(), state: Type.String() });
export const ItemList = Open({ items: Type.Array(Item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });
export const ItemQuery = Type.Object({
  state: Type.Optional(Type.Union([Type.Literal('available'), Type.Literal('reserved'), Type.Literal('collected'), Type.Literal('withdrawn')])),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  unitId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export const ItemBody = Type.Object({
  unitId: Id,
  title: Type.String({ maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  category: Type.String({ maxLength: 40 }),
  condition: Type.String({ maxLength: 40 }),
  quantity: Type.Number(),
  location: Type.String({ maxLength: 200 }),
  availableFrom: Type.Optional(Type.String({ maxLength: 10, description: 'yyyy-mm-dd; today when left out' })),
  costNok: Type.Optional(Nullable(Type.Number({ description: 'repair and transport cost, NOK; subtracted from the saving' }))),
  photoFileId: Type.Optional(Nullable(Id)),
});
export const ReserveBody = Type.Object({ unitId: Id, quantity: Type.Optional(Type.Number({ description: 'how many; 1 when left out' })) });
export const Photo = Type.Object({ id: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer(), width: Type.Integer(), height: Type.Integer() });
