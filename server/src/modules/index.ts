// Every feature module, under /api/v1. Signed-in routes sit in one encapsulated context whose
// onRequest hook authenticates: a route is protected by where it is registered, not by its URL.
import type { FastifyInstance } from 'fastify';
import { meRoutes, publicAuthRoutes, type AuthRouteOptions } from './auth/routes';
import { incubatorRoutes } from './incubators/routes';
import { referenceRoutes } from './reference/routes';
import { tenantRoutes } from './tenants/routes';

export const SIGNED_IN_MODULES = [meRoutes, referenceRoutes, incubatorRoutes, tenantRoutes];

export async function apiV1(app: FastifyInstance, opts: AuthRouteOptions) {
  await app.register(publicAuthRoutes, { loginRateLimit: opts.loginRateLimit, secureCookies: opts.secureCookies });
  await app.register(async (signedIn) => {
    signedIn.addHook('onRequest', signedIn.authenticate);
    for (const module of SIGNED_IN_MODULES) await signedIn.register(module);
  });
}
