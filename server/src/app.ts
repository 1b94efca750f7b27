// buildApp(deps): the one builder the process and the tests use.
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { healthRoutes } from './modules/health/routes';
import { apiV1 } from './modules/index';
import mailPlugin from './modules/mail/mailer';
import authPlugin from './plugins/auth';
import dbPlugin from './plugins/db';
import errorsPlugin, { frameworkErrors } from './plugins/errors';
import limitsPlugin from './plugins/limits';
import openapiPlugin from './plugins/openapi';
import securityHeaders from './plugins/security-headers';
import webPlugin from './plugins/web';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'production' | 'loginRateLimit'> &
    Partial<Pick<Config, 'redisUrl' | 'expensiveRateLimit' | 'maxEventLoopDelayMs'>> & {
      jwtSecret: string;
      logLevel?: string;
      trustProxy?: Config['trustProxy'];
      smtpUrl?: string;
      mailFrom?: string;
    };
  /** Serve the dashboard build; off for API-only instances. */
  serveWeb?: boolean;
}

/** A number of hops becomes proxy-addr's "trust the first n hops" function. */
function trustProxyOption(value: Config['trustProxy']) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel ?? 'info' },
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    trustProxy: trustProxyOption(deps.config.trustProxy ?? false),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External plugins, then our decorators, then routes (fastify/demo's order).
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(limitsPlugin, {
    redisUrl: deps.config.redisUrl,
    expensiveRateLimit: deps.config.expensiveRateLimit ?? 30,
    maxEventLoopDelayMs: deps.config.maxEventLoopDelayMs ?? 1_000,
  });
  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  await app.register(dbPlugin, { database: deps.database });
  await app.register(authPlugin, { secret: deps.config.jwtSecret });
  await app.register(mailPlugin, { smtpUrl: deps.config.smtpUrl, mailFrom: deps.config.mailFrom });

  await app.register(healthRoutes);
  await app.register(apiV1, {
    prefix: '/api/v1',
    loginRateLimit: deps.config.loginRateLimit,
    secureCookies: deps.config.production,
  });
  if (deps.serveWeb) await app.register(webPlugin, { root: WEB_DIST });
  return app;
}
