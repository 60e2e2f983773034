import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Trades and statuses are data, checked by the service with Norwegian messages; dates are checked there too.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateText = Type.String({ maxLength: 10, description: 'yyyy-mm-dd' });

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const DateQuery = Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) });

export const Place = Type.Object(
  { id: Type.String(), unitId: Nullable(Type.String()), organisationId: Nullable(Type.String()), holder: Type.String(), tradeKey: Type.String(), startDate: Type.String(), endDate: Type.String(), status: Type.String(), contractRef: Nullable(Type.String()), closedOn: Nullable(Type.String()) },
  { additionalProperties: true },
);
export const PlacePage = Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(Place) });
export const PlaceQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 20 })),
  tradeKey: Type.Optional(Type.String({ maxLength: 80 })),
  holder: Type.Optional(Type.Union([Type.Literal('unit'), Type.Literal('organisation')])),
  unitId: Type.Optional(Id),
  activeOn: Type.Optional(Type.String({ maxLength: 10 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
const fields = {
  tradeKey: Type.String({ maxLength: 80 }),
  startDate: DateText,
  endDate: DateText,
  status: Type.String({ maxLength: 20 }),
  contractRef: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  closedOn: Type.Optional(Nullable(DateText)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};
export const PlaceBody = Type.Object({ unitId: Type.Optional(Nullable(Id)), organisationId: Type.Optional(Nullable(Id)), ...fields });
export const PlacePatch = Type.Partial(Type.Object(fields));
