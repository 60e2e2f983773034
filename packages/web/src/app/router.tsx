import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect, type ParsedLocation } from '@tanstack/react-router';
import { tenantPrefix } from './api';
import { sessionQuery } from './auth';
import { queryClient } from './queryClient';
import { Layout } from './shell/Layout';
import { RequireAuth } from './shell/RequireAuth';
import { NotFoundPage } from './pages/NotFoundPage';
import { ErrorPage } from './pages/ErrorPage';
import { focusOnNextHeading } from './ui/focus';
import { certSearch } from '../certification/search';

// Code-based route tree. Every page but the shell is loaded lazily, so that the public start
// page ships only what it needs.

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const pageNo = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 ? n : undefined;
};

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage, errorComponent: ErrorPage });

const startRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: lazyRouteComponent(() => import('../platform/StartPage'), 'StartPage') });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string; error?: string } => ({ redirect: str(s.redirect), error: str(s.error) }),
  component: lazyRouteComponent(() => import('../platform/LoginPage'), 'LoginPage'),
});

/** Guard of the signed-in pages: without a session, off to the login page (and back afterwards). */
async function requireSession({ location }: { location: ParsedLocation }) {
  const session = await queryClient.ensureQueryData(sessionQuery).catch(() => null);
  // When the session cannot be read at all, the page itself shows the error.
  if (session && !session.authenticated) throw redirect({ to: '/login', search: { redirect: location.href } });
}

// Pages for signed-in users.
const authRoute = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', beforeLoad: requireSession, component: () => <RequireAuth /> });

export interface OrganisationSearch {
  q?: string;
  kind?: string;
  page?: number;
}
const organisationsRoute = createRoute({
  getParentRoute: () => authRoute,
  path: '/organisations',
  validateSearch: (s: Record<string, unknown>): OrganisationSearch => ({ q: str(s.q), kind: str(s.kind), page: pageNo(s.page) }),
  component: lazyRouteComponent(() => import('../organisations/OrganisationsPage'), 'OrganisationsPage'),
});
const organisationNewRoute = createRoute({ getParentRoute: () => authRoute, path: '/organisations/new', component: lazyRouteComponent(() => import('../organisations/OrganisationFormPage'), 'OrganisationNewPage') });
const organisationImportRoute = createRoute({ getParentRoute: () => authRoute, path: '/organisations/import', component: lazyRouteComponent(() => import('../organisations/ImportBrregPage'), 'ImportBrregPage') });
const organisationRoute = createRoute({ getParentRoute: () => authRoute, path: '/organisations/$id', component: lazyRouteComponent(() => import('../organisations/OrganisationPage'), 'OrganisationPage') });
const organisationEditRoute = createRoute({ getParentRoute: () => authRoute, path: '/organisations/$id/edit', component: lazyRouteComponent(() => import('../organisations/OrganisationFormPage'), 'OrganisationEditPage') });

const unitsRoute = createRoute({
  getParentRoute: () => authRoute,
  path: '/units',
  validateSearch: (s: Record<string, unknown>): { q?: string } => ({ q: str(s.q) }),
  component: lazyRouteComponent(() => import('../organisations/UnitsPage'), 'UnitsPage'),
});
const unitNewRoute = createRoute({ getParentRoute: () => authRoute, path: '/units/new', component: lazyRouteComponent(() => import('../organisations/UnitPage'), 'UnitNewPage') });
const unitRoute = createRoute({ getParentRoute: () => authRoute, path: '/units/$id', component: lazyRouteComponent(() => import('../organisations/UnitPage'), 'UnitPage') });

// The program: internal pages for municipal staff (the overview, a point, an indicator, my reporting).
const programPage = (name: keyof typeof import('../program/pages')) => lazyRouteComponent(() => import('../program/pages'), name);
const programRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/program', component: programPage('ProgramIndexPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/program/$programId', component: programPage('ProgramOverviewPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/program/$programId/goals/$code', component: programPage('GoalPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/program/$programId/indicators/$indicatorId', component: programPage('IndicatorPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/reporting', component: programPage('ReportingPage') }),
] as const;
// The program's public view: no login, its own small chunk (no chart library).
const publicProgramPage = (name: 'PublicProgramPage' | 'PublicGoalPage') => lazyRouteComponent(() => import('../program/PublicProgramPage'), name);
const publicProgramRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/public/program', component: publicProgramPage('PublicProgramPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/program/$programId', component: publicProgramPage('PublicProgramPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/program/$programId/$code', component: publicProgramPage('PublicGoalPage') }),
] as const;

// Certification (A1, B1): register, map, unit pages and reports, training, reminders, verification, outreach; a business user's own certificates.
const certPage = (name: keyof typeof import('../certification/pages')) => lazyRouteComponent(() => import('../certification/pages'), name);
const certificationRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/certification', component: certPage('CertificationPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/register', validateSearch: certSearch.register, component: certPage('RegisterPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/map', component: certPage('MapPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/units/$id', component: certPage('UnitCertificationPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/units/$id/report', validateSearch: certSearch.report, component: certPage('ReportFormPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/certificates/new', validateSearch: certSearch.newCertificate, component: certPage('CertificateFormPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/certificates/$id/edit', component: certPage('CertificateEditPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/verification', component: certPage('VerificationPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/reminders', component: certPage('RemindersPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/training', component: certPage('TrainingPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/outreach', validateSearch: certSearch.outreach, component: certPage('OutreachPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/certification/schemes', component: certPage('SchemesPage') }),
] as const;

// Food waste (A6): start page with figures and kitchens, quick entry for a phone, a kitchen's dashboard, surplus offers.
const prPage = (name: keyof typeof import('../procurement/pages')) => lazyRouteComponent(() => import('../procurement/pages'), name);
const procurementRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/procurement', component: prPage('ProcurementPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/procurement/tenders/new', component: prPage('TenderBuilderPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/procurement/tenders/$id', component: prPage('TenderPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/procurement/follow-up', component: prPage('FollowUpPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/procurement/library', component: prPage('LibraryPage') }),
];
// Apprenticeships (A5, B4): the road to three times as many apprentices, and the register of places.
const apprenticeshipsRoute = createRoute({ getParentRoute: () => authRoute, path: '/apprenticeships', component: lazyRouteComponent(() => import('../apprenticeships/pages'), 'ApprenticeshipsPage') });

// Agriculture (B5): organic share and local deliveries, a farm's page, a farm user's reporting page.
const agPage = (name: keyof typeof import('../agriculture/pages')) => lazyRouteComponent(() => import('../agriculture/pages'), name);
const agricultureRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/agriculture', component: agPage('AgriculturePage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/agriculture/farms/$id', component: agPage('FarmPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/agriculture/report', component: agPage('ReportPage') }),
] as const;

// Enterprise (A4, B6): grant rounds with applications, reviews, ranking and decisions.
const entPage = (name: keyof typeof import('../enterprise/pages')) => lazyRouteComponent(() => import('../enterprise/pages'), name);
const enterpriseRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise', component: entPage('GrantsPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise/calls/$id', component: entPage('CallPage') }),
  // A4, A5, B6, B7: the register of social enterprises and green start-ups, youth companies, the cluster.
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise/register', component: entPage('RegisterPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise/register/$id', component: entPage('VenturePage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise/youth', component: entPage('YouthPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/enterprise/cluster', component: entPage('ClusterPage') }),
] as const;
// The green cluster's public directory: no login, its own small chunk.
const publicClusterRoute = createRoute({ getParentRoute: () => rootRoute, path: '/public/cluster', component: lazyRouteComponent(() => import('../enterprise/PublicClusterPage'), 'PublicClusterPage') });

const fwPage = (name: keyof typeof import('../foodwaste/pages')) => lazyRouteComponent(() => import('../foodwaste/pages'), name);
const foodwasteRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/foodwaste', component: fwPage('FoodwastePage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/foodwaste/register', component: fwPage('QuickEntryPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/foodwaste/kitchens/$id', component: fwPage('KitchenPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/foodwaste/offers', component: fwPage('OffersPage') }),
] as const;

// Climate account of purchases (A2, C1): results, upload, sources.
const investmentsRoutes = [createRoute({ getParentRoute: () => authRoute, path: '/investments', component: lazyRouteComponent(() => import('../investments/pages'), 'InvestmentsPage') })] as const;
// B3: municipal business land, calls, the ranking and the decision log.
const landPage = (name: keyof typeof import('../land/pages')) => lazyRouteComponent(() => import('../land/pages'), name);
const landRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/land', component: landPage('LandPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/land/calls/$id', component: landPage('LandCallPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/land/decisions', component: landPage('DecisionsPage') }),
] as const;
const climateRoutes = [createRoute({ getParentRoute: () => authRoute, path: '/climate', component: lazyRouteComponent(() => import('../climate/pages'), 'ClimatePage') })] as const;
// Industry structure (the oil-and-gas context of part B): jobs per class, map, rules.
const econPage = (name: keyof typeof import('../economy/pages')) => lazyRouteComponent(() => import('../economy/pages'), name);
const economyRoutes = [createRoute({ getParentRoute: () => authRoute, path: '/economy', component: econPage('EconomyPage') }), createRoute({ getParentRoute: () => authRoute, path: '/economy/rules', component: econPage('RulesPage') })] as const;

// Admin pages.
const adminRoute = createRoute({ getParentRoute: () => rootRoute, id: 'admin', beforeLoad: requireSession, component: () => <RequireAuth admin /> });
export interface UsersSearch {
  q?: string;
  page?: number;
}
const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users',
  validateSearch: (s: Record<string, unknown>): UsersSearch => ({ q: str(s.q), page: pageNo(s.page) }),
  component: lazyRouteComponent(() => import('../admin/UsersPage'), 'UsersPage'),
});
const userNewRoute = createRoute({ getParentRoute: () => adminRoute, path: '/admin/users/new', component: lazyRouteComponent(() => import('../admin/UserFormPage'), 'UserNewPage') });
const userRoute = createRoute({ getParentRoute: () => adminRoute, path: '/admin/users/$id', component: lazyRouteComponent(() => import('../admin/UserFormPage'), 'UserEditPage') });

export interface AuditSearch {
  entityType?: string;
  action?: string;
  q?: string;
  from?: string;
  to?: string;
  page?: number;
}
const isoDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/audit',
  validateSearch: (s: Record<string, unknown>): AuditSearch => ({ entityType: str(s.entityType), action: str(s.action), q: str(s.q), from: isoDate(s.from), to: isoDate(s.to), page: pageNo(s.page) }),
  component: lazyRouteComponent(() => import('../admin/AuditPage'), 'AuditPage'),
});

// The footprint calculator, its documentation and the pledge tally: public, no login, one light chunk.
const fpPage = (name: keyof typeof import('../footprint/pages')) => lazyRouteComponent(() => import('../footprint/pages'), name);
const footprintRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/public/footprint', component: fpPage('CalculatorPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/footprint/docs/$category', component: fpPage('DocsPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/footprint/tally', component: fpPage('TallyPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/footprint', component: fpPage('CalculatorPage') }),
];

// The campaign (C1): public themes, threads, events and code of conduct (one light chunk); editors' pages apart.
const cmpPublic = (name: keyof typeof import('../campaign/public')) => lazyRouteComponent(() => import('../campaign/public'), name);
const cmpPage = (name: keyof typeof import('../campaign/pages')) => lazyRouteComponent(() => import('../campaign/pages'), name);
const campaignPublicRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/public/campaign', component: cmpPublic('ThemesPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/campaign/themes/$id', component: cmpPublic('ThemePage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/campaign/events', component: cmpPublic('EventsPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/public/campaign/conduct', component: cmpPublic('ConductPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/campaign', component: cmpPublic('ThemesPage') }),
];
const campaignRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/campaign/admin', component: cmpPage('AdminPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/campaign/moderation', component: cmpPage('ModerationPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/campaign/stats', component: cmpPage('StatsPage') }),
];

// Services (C2): the catalogue, a unit's own page, coverage for staff; the public catalogue apart (light chunk).
const svcPage = (name: keyof typeof import('../services/pages')) => lazyRouteComponent(() => import('../services/pages'), name);
const servicesRoutes = [
  createRoute({ getParentRoute: () => authRoute, path: '/services', component: svcPage('ServicesPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/services/units/$id', component: svcPage('UnitPage') }),
  createRoute({ getParentRoute: () => authRoute, path: '/services/coverage', component: svcPage('CoveragePage') }),
];
const servicesPublicRoutes = [createRoute({ getParentRoute: () => rootRoute, path: '/public/services', component: lazyRouteComponent(() => import('../services/public'), 'PublicCataloguePage') })];

// Reuse and repair (B2): the public directory (light chunk, the map lazy inside it) and the staff marketplace.
const circularPublicRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/public/circular', component: lazyRouteComponent(() => import('../circular/public'), 'DirectoryPage') }),
  createRoute({ getParentRoute: () => rootRoute, path: '/circular', component: lazyRouteComponent(() => import('../circular/public'), 'DirectoryPage') }),
];
const circularRoutes = [createRoute({ getParentRoute: () => authRoute, path: '/circular/market', component: lazyRouteComponent(() => import('../circular/pages'), 'MarketPage') })];

// Any other domain: a page that says plainly the module is not built yet (or not found).
const domainRoute = createRoute({ getParentRoute: () => rootRoute, path: '/$domain', component: lazyRouteComponent(() => import('../platform/ModulePage'), 'ModulePage') });

const routeTree = rootRoute.addChildren([
  startRoute,
  loginRoute,
  authRoute.addChildren([organisationsRoute, organisationNewRoute, organisationImportRoute, organisationRoute, organisationEditRoute, unitsRoute, unitNewRoute, unitRoute, ...programRoutes, ...certificationRoutes, ...foodwasteRoutes, apprenticeshipsRoute, ...enterpriseRoutes, ...procurementRoutes, ...climateRoutes, ...investmentsRoutes, ...landRoutes, ...campaignRoutes, ...agricultureRoutes, ...economyRoutes, ...servicesRoutes, ...circularRoutes]),
  adminRoute.addChildren([usersRoute, userNewRoute, userRoute, auditRoute]),
  ...publicProgramRoutes,
  publicClusterRoute,
  ...footprintRoutes,
  ...campaignPublicRoutes,
  ...servicesPublicRoutes,
  ...circularPublicRoutes,
  domainRoute,
]);

export const router = createRouter({
  routeTree,
  basepath: tenantPrefix() || '/',
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: ErrorPage,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

router.subscribe('onResolved', (e) => {
  if (e.pathChanged && e.fromLocation) focusOnNextHeading();
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
