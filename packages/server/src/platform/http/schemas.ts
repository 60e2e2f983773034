import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.Optional(Type.Union([Type.String(), Type.Null()])), line: Type.Optional(Type.Integer()), file: Type.Optional(Type.String()), message: Type.String() })),
  },
  { $id: 'Error' },
);

export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

/** A paginated list response schema. */
export const Paged = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Standard error responses of a route that needs a session. */
export const authErrors = { 400: Type.Ref('Error'), 401: Type.Ref('Error'), 403: Type.Ref('Error'), 404: Type.Ref('Error') } as const;
