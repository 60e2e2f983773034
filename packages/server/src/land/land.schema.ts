import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Statuses, criteria, dates and ranges are checked by the service with Norwegian messages naming the field.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateText = Type.String({ maxLength: 10, description: 'yyyy-mm-dd' });
const Paging = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) };

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const AnyPage = Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(AnyObject) }, { additionalProperties: true });
export const PlotQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), ...Paging });
export const CallQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), plotId: Type.Optional(Id), ...Paging });
export const ApplicationQuery = Type.Object({ callId: Type.Optional(Id), ...Paging });
export const PageOnly = Type.Object(Paging);

const Polygon = Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), { maxItems: 2000 }), { minItems: 1, maxItems: 20 }) });
const plotFields = {
  name: Type.String({ maxLength: 200 }),
  areaM2: Type.Number({ description: 'm², greater than 0' }),
  zoningPlanId: Type.String({ maxLength: 100, description: 'the zoning plan id (planID)' }),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  lat: Type.Number({ description: 'WGS84' }),
  lon: Type.Number({ description: 'WGS84' }),
  polygon: Type.Optional(Nullable(Polygon)),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};
export const PlotBody = Type.Object(plotFields);
export const PlotPatch = Type.Partial(Type.Object(plotFields));

const CriterionWeight = Type.Object({ id: Type.String({ maxLength: 40 }), weight: Type.Number() });
const callFields = {
  title: Type.String({ maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  normalisation: Type.String({ maxLength: 20, description: 'max | minmax' }),
  criteria: Type.Array(CriterionWeight, { maxItems: 20, description: 'weights sum to 100' }),
  opensOn: DateText,
  deadline: DateText,
};
export const CallBody = Type.Object({ plotId: Id, ...callFields });
export const CallPatch = Type.Partial(Type.Object({ ...callFields, status: Type.String({ maxLength: 20 }) }));

export const ApplicationBody = Type.Object({
  organisationId: Id,
  expectedJobs: Type.Number(),
  buildingM2: Type.Number(),
  activity: Type.String({ maxLength: 2000 }),
  sn2007Code: Type.String({ maxLength: 10 }),
  certification: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  greenScore: Type.Number({ description: '0–100' }),
  trafficPerDay: Type.Number({ description: 'vehicles per day, 0 or more' }),
});

export const DecisionBody = Type.Object({
  applicationId: Type.Optional(Nullable(Id)),
  outcome: Type.String({ maxLength: 20, description: 'allocated | sold | leased | none' }),
  decidedOn: DateText,
  reason: Type.String({ maxLength: 5000 }),
  caseNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});
