import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';
import { ORGANISATION_KINDS, UNIT_KINDS, UNIT_TYPES } from '@omstilling/core';

const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));

export const Unit = Type.Object({
  id: Type.String(),
  key: Type.String(),
  parentId: Nullable(Type.String()),
  kind: Type.String(),
  type: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  place: Nullable(Type.String()),
  staff: Type.Integer(),
});

export const UnitBody = Type.Object({
  key: Type.Optional(Type.String({ maxLength: 63 })),
  parentId: Nullable(Type.String()),
  kind: lit(UNIT_KINDS),
  type: lit(UNIT_TYPES),
  name: Type.String({ maxLength: 200 }),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
  place: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  staff: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const Organisation = Type.Object({
  id: Type.String(),
  orgNumber: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  industryCode: Nullable(Type.String()),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  place: Nullable(Type.String()),
  municipalityNumber: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  website: Nullable(Type.String()),
  parentOrgNumber: Nullable(Type.String()),
  source: Type.String(),
  updatedAt: Type.String(),
});

export const OrganisationBody = Type.Object({
  orgNumber: Type.String({ maxLength: 20 }),
  name: Type.String({ maxLength: 300 }),
  kind: lit(ORGANISATION_KINDS),
  industryCode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  place: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  municipalityNumber: Type.Optional(Nullable(Type.String({ maxLength: 4 }))),
  employees: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  website: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
});

export const OrganisationQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(Type.String({ maxLength: 30 })),
  industry: Type.Optional(Type.String({ maxLength: 10, description: 'SN2007 code prefix, e.g. 47 or 55.1' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const BrregImportResult = Type.Object({
  kind: Type.String(),
  inFile: Type.Integer(),
  inMunicipality: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
