import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Areas, statuses, dates and figures are checked by the service with Norwegian messages naming the field.
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (max: number) => Type.String({ maxLength: max });
const DateText = Type.String({ maxLength: 10, description: 'yyyy-mm-dd' });

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const DateQuery = Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) });
export const ExportQuery = Type.Object({ date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })), format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) });
export const MeasureQuery = Type.Object({ includeRetired: Type.Optional(Type.Boolean()), area: Type.Optional(Text(40)) });
export const PublicMeasureQuery = Type.Object({ area: Type.Optional(Text(40)) });
export const UnitQuery = Type.Object({ area: Type.Optional(Text(40)), mine: Type.Optional(Type.Boolean()) });

const measureFields = {
  titleNb: Text(400),
  titleEn: Text(400),
  descriptionNb: Text(6000),
  descriptionEn: Type.Optional(Nullable(Text(6000))),
  areas: Type.Array(Text(40), { maxItems: 20 }),
  programPoints: Type.Array(Text(10), { maxItems: 10 }),
  sourceTitle: Type.Optional(Nullable(Text(600))),
  sourceUrl: Type.Optional(Nullable(Text(1000))),
};
export const MeasureBody = Type.Object(measureFields);
export const MeasurePatch = Type.Partial(Type.Object({ ...measureFields, retired: Type.Boolean() }));
export const Measure = Type.Object({ id: Type.String(), key: Type.String(), titleNb: Type.String(), titleEn: Type.String(), areas: Type.Array(Type.String()), programPoints: Type.Array(Type.String()), retiredOn: Nullable(Type.String()) }, { additionalProperties: true });

export const AreaBody = Type.Object({ area: Nullable(Text(40)), useType: Type.Optional(Type.Boolean()) });
export const AdoptBody = Type.Object({ unitId: Id, measureId: Id, adoptedOn: DateText, status: Text(20), note: Type.Optional(Nullable(Text(4000))) });
export const StatusBody = Type.Object({ status: Text(20), date: DateText, note: Type.Optional(Nullable(Text(4000))) });
// A figure as a number or as typed ("1 200"); the service reads it and names a bad one in Norwegian.
// Null first: with type coercion on, a null would otherwise become the number 0.
const Figure = Type.Union([Type.Null(), Type.Number(), Type.String({ maxLength: 40 })]);
export const ReportBody = Type.Object({ date: DateText, text: Text(20000), participants: Type.Optional(Figure), meals: Type.Optional(Figure), fileId: Type.Optional(Nullable(Id)) });
export const Adoption = Type.Object({ id: Type.String(), unitId: Type.String(), measureId: Type.String(), adoptedOn: Type.String(), status: Type.String() }, { additionalProperties: true });
export const Report = Type.Object({ id: Type.String(), adoptionId: Type.String(), date: Type.String(), text: Type.String() }, { additionalProperties: true });
