// Access tokens (JWT, 15 minutes) carry the caller's scope, so scoped reads need no extra lookup.
// Routes opt in with the `authenticate` hook (by folder: see modules/index.ts), never by URL matching.
import fastifyJwt from '@fastify/jwt';
import type { Role } from '@torch/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from '../errors';

/** Who is calling and what they may see. Every service takes one. */
export interface Caller {
  userId: string;
  role: Role;
  /** Incubators a manager runs; empty for other roles. */
  incubatorIds: string[];
  provinceCode: string | null;
  /** The company a tenant user speaks for. */
  companyId: string | null;
}

interface AccessClaims {
  sub: string;
  role: Role;
  inc: string[];
  prov: string | null;
  co: string | null;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: Caller;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate(request: FastifyRequest): Promise<void>;
    /** onRequest hook after `authenticate`: enforces the route's declared `config.roles`. */
    authorize(request: FastifyRequest): Promise<void>;
    signAccessToken(caller: Caller): string;
  }
  interface FastifyContextConfig {
    /** The roles that may call this route at all (403 for the others); unset = any signed-in role. */
    roles?: readonly Role[];
  }
}

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export default fp(
  async (app: FastifyInstance, opts: { secret: string }) => {
    await app.register(fastifyJwt, {
      secret: opts.secret,
      sign: { expiresIn: ACCESS_TOKEN_SECONDS, algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
      formatUser: (claims) => ({
        userId: claims.sub,
        role: claims.role,
        incubatorIds: claims.inc ?? [],
        provinceCode: claims.prov ?? null,
        companyId: claims.co ?? null,
      }),
    });

    app.decorate('signAccessToken', (caller: Caller) =>
      app.jwt.sign({
        sub: caller.userId,
        role: caller.role,
        inc: caller.incubatorIds,
        prov: caller.provinceCode,
        co: caller.companyId,
      }),
    );

    app.decorate('authorize', async (request: FastifyRequest) => {
      const roles = request.routeOptions.config.roles;
      if (roles && !roles.includes(request.user.role))
        throw forbidden(`This needs the role ${roles.join(' or ')}`);
    });

    app.decorate('authenticate', async (request: FastifyRequest) => {
      if (!request.headers.authorization) throw unauthorized('Missing bearer token');
      try {
        await request.jwtVerify();
      } catch {
        throw unauthorized('The access token is invalid or has expired');
      }
    });
  },
  { name: 'auth' },
);
