import { Type, type TSchema } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Lists (product groups, procedures, kinds) are checked by the services with Norwegian messages, so
// they are plain strings here; numbers are plain numbers for the same reason.
const Str = (max = 200) => Type.String({ maxLength: max });
const Open = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: true });

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const CriteriaQuery = Type.Object({ productGroup: Type.Optional(Str(40)) });
export const OcdsQuery = Type.Object({ tender: Type.Optional(Str(100)) });

export const Criterion = Open({ id: Type.String(), key: Type.String(), productGroup: Type.String(), type: Type.String(), level: Type.String(), title: Type.String() });
export const CriterionBody = Type.Object({
  key: Str(64),
  productGroup: Str(40),
  type: Str(40),
  level: Str(20),
  title: Str(300),
  text: Str(4000),
  documentation: Str(2000),
  verification: Str(2000),
  cpv: Type.Array(Str(12), { maxItems: 50 }),
  active: Type.Optional(Type.Boolean()),
});

const PriceModelBody = Type.Object(
  { kind: Str(40), maxPoints: Type.Number(), slope: Type.Optional(Type.Number()), floorAtZero: Type.Optional(Type.Boolean()), valuesNok: Type.Optional(Type.Record(Type.String(), Type.Number())) },
  { description: 'linear: points = max × (1 − slope × (P − Pmin)/Pmin); proportional: max × Pmin/P; quality_adjusted: lowest adjusted price wins' },
);
const TenderCriterionBody = Type.Object({ id: Str(40), kind: Str(20), name: Str(300), weight: Type.Optional(Nullable(Type.Number())), rank: Type.Optional(Nullable(Type.Integer())), libraryKey: Type.Optional(Nullable(Str(64))) });

export const TenderBody = Type.Object({
  reference: Str(60),
  title: Str(300),
  description: Type.Optional(Str(4000)),
  cpv: Str(12),
  estimatedValueNok: Type.Number({ description: 'NOK ex. VAT' }),
  procedure: Str(40),
  unitId: Type.Optional(Nullable(Str(100))),
  weighting: Type.Optional(Type.Union([Type.Literal('weights'), Type.Literal('ranking')])),
  priceModel: PriceModelBody,
  criteria: Type.Array(TenderCriterionBody, { maxItems: 30 }),
  requirementKeys: Type.Optional(Type.Array(Str(64), { maxItems: 100 })),
  lots: Type.Optional(Type.Array(Type.Object({ id: Str(40), title: Str(300), estimatedValueNok: Nullable(Type.Number()) }), { maxItems: 50 })),
  exception: Type.Optional(Nullable(Type.Object({ kind: Type.Union([Type.Literal('specification'), Type.Literal('insignificant')]), justification: Str(4000) }))),
  tenderPeriodEnd: Type.Optional(Nullable(Str(10))),
});
export const PublishBody = Type.Object({ publishedOn: Type.Optional(Nullable(Str(10))) });

const LccBody = Type.Object({
  startYear: Type.Integer(),
  years: Type.Array(Type.Object({ operationNok: Type.Optional(Type.Number()), energyKwh: Type.Optional(Type.Number()), energyPriceNok: Type.Optional(Type.Number()), tonnesCo2e: Type.Optional(Type.Number()) }), { maxItems: 60 }),
  residualValueNok: Type.Optional(Type.Number()),
  discountRate: Type.Optional(Type.Number()),
});
export const BidBody = Type.Object({
  label: Str(40),
  supplierName: Str(300),
  supplierOrgNumber: Type.Optional(Nullable(Str(20))),
  priceNok: Nullable(Type.Number()),
  points: Type.Record(Type.String(), Nullable(Type.Number())),
  lcc: Type.Optional(Nullable(LccBody)),
});
export const Bid = Open({ id: Type.String(), tenderId: Type.String(), label: Type.String(), supplierName: Type.String() });

export const AwardBody = Type.Object({ bidId: Str(100), startDate: Str(10), endDate: Str(10), firstCheckAfterDays: Type.Optional(Type.Integer()) });
export const OutcomeBody = Type.Object({
  outcome: Type.Union([Type.Literal('met'), Type.Literal('deviation')]),
  checkedOn: Str(10),
  finding: Type.Optional(Nullable(Str(4000))),
  checkKind: Type.Optional(Type.Union([Type.Literal('document_review'), Type.Literal('audit'), Type.Literal('measurement')])),
  sanction: Type.Optional(Nullable(Type.Union([Type.Literal('none'), Type.Literal('notice'), Type.Literal('fine'), Type.Literal('termination')]))),
  sanctionDate: Type.Optional(Nullable(Str(10))),
  deviationClosedOn: Type.Optional(Nullable(Str(10))),
});
export const FollowUp = Open({ id: Type.String(), status: Type.String(), dueDate: Type.String() });
export const ImportResult = Type.Object({ releases: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
