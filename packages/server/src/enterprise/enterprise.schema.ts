import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Criteria, weights and deadlines are checked by core with Norwegian messages; the schemas only shape the data.
const Id = Type.String({ minLength: 1, maxLength: 100 });
export const AnyObject = Type.Object({}, { additionalProperties: true });
const Criterion = Type.Object({ key: Type.String({ maxLength: 40 }), name: Type.String({ maxLength: 200 }), weight: Type.Number(), maxScore: Type.Number() });

export const Call = Type.Object({ id: Type.String(), title: Type.String(), deadline: Type.String(), budgetNok: Type.Number(), state: Type.String() }, { additionalProperties: true });
/** The domains that run grant rounds with this mechanism. */
export const GrantDomain = Type.Union([Type.Literal('enterprise'), Type.Literal('circular')]);
export const CallQuery = Type.Object({ domain: Type.Optional(GrantDomain) });

export const CallBody = Type.Object({
  /** Whose scheme the round is: business development (enterprise) or reuse and repair (circular). */
  domain: Type.Optional(GrantDomain),
  title: Type.String({ maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  opensAt: Type.String({ maxLength: 40 }),
  deadline: Type.String({ maxLength: 40 }),
  budgetNok: Type.Number(),
  minReviewers: Type.Integer(),
  criteria: Type.Array(Criterion, { maxItems: 20 }),
});
export const Application = Type.Object({ id: Type.String(), callId: Type.String(), organisation: Type.String(), title: Type.String(), amountNok: Type.Number(), state: Type.String() }, { additionalProperties: true });
export const ApplicationBody = Type.Object({
  organisationId: Id,
  title: Type.String({ maxLength: 200 }),
  summary: Type.String({ maxLength: 10000 }),
  amountNok: Type.Number(),
  fileIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
});
export const ApplicationQuery = Type.Object({ callId: Type.Optional(Id) });
export const ReviewBody = Type.Object({
  conflict: Type.Boolean(),
  conflictReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  scores: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Number())),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
});
export const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('granted'), Type.Literal('declined')]),
  grantedNok: Type.Optional(Nullable(Type.Number())),
  note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  caseNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
});
export const ReportBody = Type.Object({ text: Type.String({ maxLength: 10000 }), fileIds: Type.Optional(Type.Array(Id, { maxItems: 10 })) });
