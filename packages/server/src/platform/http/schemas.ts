import { Type, type Static, type TNull, type TSchema, type TUnion } from '@sinclair/typebox';

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

/**
 * A value of `t` or null. For a plain type this is `type: [t, 'null']` rather than `anyOf`:
 * with Ajv's type coercion (on, for query strings) the first branch of an anyOf turns a null in
 * a JSON body into "" or 0, so a cleared field would be stored as "" (or break a foreign key).
 */
export const Nullable = <T extends TSchema>(t: T): TUnion<[T, TNull]> =>
  typeof t.type === 'string' && t.type !== 'null' ? (Type.Unsafe<Static<T> | null>({ ...t, type: [t.type, 'null'] }) as unknown as TUnion<[T, TNull]>) : Type.Union([t, Type.Null()]);

/** Standard error responses of a route that needs a session. */
export const authErrors = { 400: Type.Ref('Error'), 401: Type.Ref('Error'), 403: Type.Ref('Error'), 404: Type.Ref('Error') } as const;
