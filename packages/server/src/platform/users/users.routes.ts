import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DOMAINS, ROLES } from '@omstilling/core';
import { ctxOf, pageOf, requireUser } from '../http/request-context.js';
import { authErrors, IdParams, Nullable, PageQuery, Paged } from '../http/schemas.js';
import { createUser, getUser, listUsers, updateUser } from './users.service.js';

const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  domains: Type.Array(Type.String()),
  unitId: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  active: Type.Boolean(),
  hasPassword: Type.Boolean(),
  sso: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Nullable(Type.String()),
  unitName: Type.Optional(Nullable(Type.String())),
  organisationName: Type.Optional(Nullable(Type.String())),
});

const UserBody = Type.Object({
  email: Type.String({ maxLength: 320 }),
  name: Type.String({ maxLength: 200 }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  domains: Type.Optional(Type.Array(Type.Union(DOMAINS.map((d) => Type.Literal(d))))),
  unitId: Type.Optional(Nullable(Type.String())),
  organisationId: Type.Optional(Nullable(Type.String())),
  password: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  active: Type.Optional(Type.Boolean()),
});

export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];
  r.get('/api/users', { onRequest: requireUser, schema: { tags, querystring: Type.Composite([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))) })]), response: { 200: Paged(User), ...authErrors } } }, async (req) => {
    const page = pageOf(req.query);
    return { ...(await listUsers(ctxOf(req), req.query.q, page, req.query.role)), ...page };
  });
  r.get('/api/users/:id', { onRequest: requireUser, schema: { tags, params: IdParams, response: { 200: User, ...authErrors } } }, async (req) => getUser(ctxOf(req), req.params.id));
  r.post('/api/users', { onRequest: requireUser, schema: { tags, body: UserBody, response: { 201: User, ...authErrors, 409: Type.Ref('Error') } } }, async (req, reply) => reply.status(201).send(await createUser(ctxOf(req), req.body)));
  r.put('/api/users/:id', { onRequest: requireUser, schema: { tags, params: IdParams, body: UserBody, response: { 200: User, ...authErrors, 409: Type.Ref('Error') } } }, async (req) => updateUser(ctxOf(req), req.params.id, req.body));
}
