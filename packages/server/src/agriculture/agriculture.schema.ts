import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

// Keys (crops, channels, products, schemes) are data, checked by the services with Norwegian messages.
const Key = Type.String({ maxLength: 80 });
const DateText = Type.String({ maxLength: 10, description: 'yyyy-mm-dd' });
const Note = Type.Optional(Nullable(Type.String({ maxLength: 1000 })));

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const Farm = Type.Object({ id: Type.String(), organisationId: Type.String(), name: Type.String(), orgNumber: Type.String(), agriculturalAreaDaa: Type.Number() }, { additionalProperties: true });

const farmFields = {
  agriculturalAreaDaa: Type.Number({ description: 'decares (daa)' }),
  certifierKey: Type.Optional(Nullable(Key)),
  certificateNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  certificateDate: Type.Optional(Nullable(DateText)),
  note: Note,
};
export const FarmBody = Type.Object({ organisationId: Type.String({ minLength: 1, maxLength: 100 }), ...farmFields });
export const FarmPatch = Type.Partial(Type.Object(farmFields));

export const AreasBody = Type.Object({
  year: Type.Integer(),
  areas: Type.Array(Type.Object({ cropKey: Key, areaDaa: Type.Number(), management: Type.String({ maxLength: 20 }), conversionStart: Type.Optional(Nullable(DateText)) }), { maxItems: 100 }),
});

export const Delivery = Type.Object({ id: Type.String(), farmId: Type.String(), year: Type.Integer(), month: Nullable(Type.Integer()), period: Type.String(), channelKey: Type.String(), productKey: Type.String(), kg: Type.Number(), valueNok: Type.Number() }, { additionalProperties: true });
export const DeliveryPage = Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(Delivery) });
export const DeliveryBody = Type.Object({ year: Type.Integer(), month: Type.Optional(Nullable(Type.Integer())), channelKey: Key, productKey: Key, kg: Type.Number(), valueNok: Type.Number({ description: 'NOK (kroner), excluding VAT' }), note: Note });
export const PageQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) });
export const ImportResult = Type.Object({ file: Type.String(), rows: Type.Integer(), created: Type.Integer(), unchanged: Type.Integer() });

const planFields = { targetYear: Type.Integer(), areaDaa: Type.Number(), status: Type.String({ maxLength: 20 }), note: Note };
export const PlanBody = Type.Object(planFields);
export const PlanPatch = Type.Partial(Type.Object(planFields));
export const Plan = Type.Object({ id: Type.String(), farmId: Type.String(), targetYear: Type.Integer(), areaDaa: Type.Number(), status: Type.String() }, { additionalProperties: true });

export const SupportBody = Type.Object({ schemeKey: Key, year: Type.Integer(), amountNok: Type.Number(), note: Note });
export const Support = Type.Object({ id: Type.String(), farmId: Type.String(), schemeKey: Type.String(), year: Type.Integer(), amountNok: Type.Number() }, { additionalProperties: true });

export const ExportQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])), table: Type.Optional(Type.Union([Type.Literal('years'), Type.Literal('deliveries')])) });
