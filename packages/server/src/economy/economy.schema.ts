import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Rules are checked by core (parseRuleSet) with Norwegian messages naming each field; the schema only bounds sizes.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = Type.Object({ nb: Type.String({ maxLength: 2000 }), en: Type.String({ maxLength: 2000 }) });

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const SnapshotQuery = Type.Object({ snapshotId: Type.Optional(Id) });
export const EstablishmentQuery = Type.Object({
  snapshotId: Type.Optional(Id),
  class: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const ExportQuery = Type.Object({ snapshotId: Type.Optional(Id), format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])), lang: Type.Optional(Type.Union([Type.Literal('nb'), Type.Literal('en')])) });
export const RuleBody = Type.Object(
  {
    id: Type.String({ maxLength: 60 }),
    basis: Type.String({ maxLength: 20 }),
    prefix: Type.Optional(Type.String({ maxLength: 10 })),
    exceptPrefixes: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 50 })),
    class: Type.String({ maxLength: 20 }),
    share: Type.Number(),
    rationale: Text,
    caveat: Nullable(Text),
    sources: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export const RuleSetBody = Type.Object({ validFrom: Type.String({ maxLength: 10 }), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), rules: Type.Array(RuleBody, { maxItems: 500 }) });
export const ImportResult = Type.Object({
  file: Type.String(),
  skippedOutside: Type.Integer(),
  snapshots: Type.Array(Type.Object({ date: Type.String(), establishments: Type.Integer(), jobs: Type.Integer(), status: Type.String() })),
});
