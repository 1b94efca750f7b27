// Every feature module, under /api/v1. Signed-in routes sit in one encapsulated context whose
// onRequest hook authenticates: a route is protected by where it is registered, not by its URL.
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/routes';
import { type AuthRouteOptions, meRoutes, publicAuthRoutes } from './auth/routes';
import { companyRoutes } from './companies/routes';
import { dashboardRoutes } from './dashboard/routes';
import { importRoutes } from './imports/routes';
import { incubatorRoutes } from './incubators/routes';
import { investmentRoutes } from './investments/routes';
import { invitationRoutes, publicInvitationRoutes } from './invitations/routes';
import { lifecycleRoutes } from './lifecycle/routes';
import { listingRoutes } from './listings/routes';
import { mentorRoutes } from './mentors/routes';
import { referenceRoutes } from './reference/routes';
import { reportRoutes } from './reports/routes';
import { returnRoutes } from './returns/routes';
import { statsRoutes } from './stats/routes';
import { tenantRoutes } from './tenants/routes';
import { userRoutes } from './users/routes';

export const SIGNED_IN_MODULES = [
  meRoutes,
  referenceRoutes,
  incubatorRoutes,
  tenantRoutes,
  companyRoutes,
  auditRoutes,
  lifecycleRoutes,
  listingRoutes,
  investmentRoutes,
  mentorRoutes,
  reportRoutes,
  returnRoutes,
  dashboardRoutes,
  statsRoutes,
  importRoutes,
  invitationRoutes,
  userRoutes,
];

export async function apiV1(app: FastifyInstance, opts: AuthRouteOptions) {
  await app.register(publicAuthRoutes, {
    loginRateLimit: opts.loginRateLimit,
    secureCookies: opts.secureCookies,
  });
  await app.register(publicInvitationRoutes, { secureCookies: opts.secureCookies });
  await app.register(async (signedIn) => {
    // authenticate also enforces the route's `config.roles` (authorize).
    signedIn.addHook('onRequest', signedIn.authenticate);
    for (const module of SIGNED_IN_MODULES) await signedIn.register(module);
  });
}
