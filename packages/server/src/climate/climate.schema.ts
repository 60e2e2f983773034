import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

export const AnyObject = Type.Object({}, { additionalProperties: true });
export const ReportQuery = Type.Object({
  /** Default: the newest year with ledger lines. */
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  by: Type.Union([Type.Literal('unit'), Type.Literal('art'), Type.Literal('funksjon'), Type.Literal('supplier'), Type.Literal('month')], { default: 'unit' }),
  set: Type.Optional(Type.String({ maxLength: 40 })),
});
export const ExportQuery = Type.Composite([ReportQuery, Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }) })]);
export const AnsvarBody = Type.Object({ rows: Type.Array(Type.Object({ ansvar: Type.String({ minLength: 1, maxLength: 40 }), unitKey: Type.String({ minLength: 1, maxLength: 100 }) }), { maxItems: 5000 }) });
export const SupplierFactorBody = Type.Object({ orgnr: Type.String({ maxLength: 20 }), year: Type.Integer({ minimum: 1990, maximum: 2100 }), kgPerNok: Type.Number(), source: Type.String({ maxLength: 500 }) });
export const DecisionBody = Type.Object({ setKey: Type.String({ maxLength: 40 }), category: Type.String({ maxLength: 60 }), value: Nullable(Type.Number()), note: Type.String({ maxLength: 1000 }) });
export const MappingBody = Type.Object({ art: Type.String({ maxLength: 3 }), funksjon: Type.Optional(Type.String({ maxLength: 3 })), category: Type.String({ maxLength: 60 }), rationale: Type.String({ maxLength: 1000 }) });
