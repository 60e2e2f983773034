import { Type } from '@sinclair/typebox';

// Request and response shapes of the footprint API (all public, no login).

const Answers = Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.Number(), Type.String({ maxLength: 40 }), Type.Null()]), { description: 'question id → answer (see `omstilling footprint questions`)' });
const District = Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()]));

export const ShareBody = Type.Object({ answers: Answers, district: District }, { additionalProperties: false });
export const ShareResult = Type.Object({ id: Type.String(), totalKg: Type.Number(), district: Type.Union([Type.String(), Type.Null()]) });
export const PledgeBody = Type.Object({ actions: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }), answers: Type.Optional(Answers), district: District }, { additionalProperties: false });
export const PledgeResult = Type.Object({ pledged: Type.Array(Type.Object({ action: Type.String(), savingKg: Type.Number() })), district: Type.Union([Type.String(), Type.Null()]) });
export const DistrictList = Type.Array(Type.Object({ key: Type.String(), name: Type.String() }));
const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
export const Tally = Type.Object({
  results: Type.Number(),
  averageKg: Nullable(Type.Number()),
  averageCategories: Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]),
  pledges: Type.Number(),
  savingKg: Type.Number(),
  byAction: Type.Array(Type.Object({ action: Type.String(), pledges: Type.Number(), savingKg: Type.Number() })),
  byDistrict: Type.Array(Type.Object({ district: Type.Union([Type.String(), Type.Null()]), results: Type.Number(), averageKg: Nullable(Type.Number()), pledges: Type.Number() })),
  districts: DistrictList,
});
