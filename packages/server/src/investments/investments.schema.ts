import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const ReportQuery = Type.Object({ reportId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) });

const Label = Type.Object({ nb: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) });
export const PolicyBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  adopted: Type.Object({ body: Type.String({ minLength: 1, maxLength: 200 }), date: Nullable(Type.String({ maxLength: 10 })), caseNumber: Nullable(Type.String({ maxLength: 40 })) }),
  adoptedLists: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 }),
  observationIsBreach: Type.Boolean(),
  criteria: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 40 }),
      kind: Type.Union([Type.Literal('product'), Type.Literal('conduct')]),
      label: Label,
      fossil: Type.Boolean(),
      activities: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 }),
      maxRevenueShare: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
      absolute: Type.Array(Type.Object({ metric: Type.String({ minLength: 1, maxLength: 60 }), max: Type.Number({ exclusiveMinimum: 0 }), unit: Type.String({ maxLength: 40 }) }), { maxItems: 10 }),
      listTerms: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 40 }),
    }),
    { minItems: 1, maxItems: 40 },
  ),
});

export const DecisionBody = Type.Object({
  holdingKey: Type.String({ minLength: 1, maxLength: 400 }),
  listName: Type.String({ minLength: 1, maxLength: 400 }),
  decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')]),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});

export const DivestmentBody = Type.Object({
  portfolioKey: Type.String({ minLength: 1, maxLength: 40 }),
  companyKey: Type.String({ minLength: 1, maxLength: 400 }),
  companyName: Type.String({ minLength: 1, maxLength: 400 }),
  status: Type.Union([Type.Literal('flagged'), Type.Literal('decided'), Type.Literal('sold')]),
  date: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
