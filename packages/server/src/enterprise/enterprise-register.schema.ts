import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Kinds, dates, org. numbers and SDGs are checked by core with Norwegian messages; the schemas only shape the data.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (max: number) => Type.String({ maxLength: max });
const IsoDate = Type.String({ maxLength: 20 });
export const AnyObject = Type.Object({}, { additionalProperties: true });
export const PagedAny = Type.Object({ items: Type.Array(AnyObject), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }, { additionalProperties: true });

export const VentureQuery = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('social'), Type.Literal('green'), Type.Literal('both')])),
  q: Type.Optional(Text(100)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const VentureBody = Type.Object({
  name: Text(200),
  orgNumber: Type.Optional(Nullable(Text(20))),
  kind: Text(20),
  activity: Text(2000),
  impactArea: Text(200),
  sdgs: Type.Array(Type.Integer(), { maxItems: 17 }),
});
export const EngagementBody = Type.Object({
  kind: Text(40),
  title: Text(200),
  startDate: IsoDate,
  endDate: Type.Optional(Nullable(IsoDate)),
  valueNok: Type.Optional(Nullable(Type.Number())),
  tenderId: Type.Optional(Nullable(Id)),
  applicationId: Type.Optional(Nullable(Id)),
  note: Type.Optional(Nullable(Text(2000))),
});
export const YouthQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const YouthBody = Type.Object({
  name: Text(200),
  schoolUnitId: Type.Optional(Nullable(Id)),
  schoolName: Type.Optional(Nullable(Text(200))),
  year: Type.Integer(),
  idea: Text(2000),
  participants: Type.Integer(),
  outcome: Text(20),
  orgNumber: Type.Optional(Nullable(Text(20))),
  prize: Type.Optional(Nullable(Text(200))),
  support: Text(1000),
  supportNok: Type.Optional(Nullable(Type.Number())),
});
export const MemberBody = Type.Object({ organisationId: Id, theme: Text(40), joinedOn: IsoDate, leftOn: Type.Optional(Nullable(IsoDate)), description: Text(1000) });
export const MemberPatch = Type.Object({ theme: Text(40), joinedOn: IsoDate, leftOn: Type.Optional(Nullable(IsoDate)), description: Text(1000) });
export const EventBody = Type.Object({ title: Text(200), date: IsoDate, place: Type.Optional(Nullable(Text(200))), description: Type.Optional(Text(2000)), participantIds: Type.Array(Id, { maxItems: 200 }) });
export const ProjectBody = Type.Object({ title: Text(200), description: Text(2000), theme: Text(40), startDate: IsoDate, endDate: Type.Optional(Nullable(IsoDate)), memberIds: Type.Array(Id, { maxItems: 100 }) });

const Industry = Nullable(Type.Object({ code: Type.String(), name: Nullable(Type.String()) }));
/** The public directory: exactly these fields, so nothing internal can slip out through the serializer. */
export const PublicCluster = Type.Object({
  memberCount: Type.Integer(),
  themes: Type.Array(
    Type.Object({
      key: Type.String(),
      nb: Type.String(),
      en: Type.String(),
      members: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), industry: Industry, website: Nullable(Type.String()), place: Nullable(Type.String()) })),
    }),
  ),
  projects: Type.Array(Type.Object({ title: Type.String(), description: Type.String(), theme: Type.Object({ key: Type.String(), nb: Type.String(), en: Type.String() }), startDate: Type.String(), endDate: Nullable(Type.String()), members: Type.Array(Type.String()) })),
});
