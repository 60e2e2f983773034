import type { FastifyInstance } from 'fastify';
import { authRoutes } from './platform/auth/auth.routes.js';
import { oidcRoutes } from './platform/auth/oidc.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { filesRoutes } from './platform/files/files.routes.js';
import { metaRoutes } from './platform/meta.routes.js';
import { usersRoutes } from './platform/users/users.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { programRoutes } from './program/program.routes.js';
import { exportsRoutes } from './program/exports.routes.js';
import { certificationRoutes } from './certification/certification.routes.js';
import { foodwasteRoutes } from './foodwaste/foodwaste.routes.js';
import { apprenticeshipsRoutes } from './apprenticeships/apprenticeships.routes.js';
import { enterpriseRoutes } from './enterprise/enterprise.routes.js';
import { climateRoutes } from './climate/climate.routes.js';
import { procurementRoutes } from './procurement/procurement.routes.js';
import { footprintRoutes } from './footprint/footprint.routes.js';
import { investmentsRoutes } from './investments/investments.routes.js';

/** Every route of the API, platform first, then one line per domain. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(metaRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(filesRoutes);
  await app.register(organisationsRoutes);
  await app.register(programRoutes);
  await app.register(exportsRoutes);
  await app.register(certificationRoutes);
  await app.register(foodwasteRoutes);
  await app.register(apprenticeshipsRoutes);
  await app.register(enterpriseRoutes);
  await app.register(climateRoutes);
  await app.register(procurementRoutes);
  await app.register(footprintRoutes);
  await app.register(investmentsRoutes);
}
