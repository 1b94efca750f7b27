// Access tokens (JWT, 15 minutes) name a user and a server-side session (`sid`), nothing more:
// the caller's role and scope are resolved per request from that session (modules/auth/
// session-scope.ts), so signing out, disabling a user or removing a manager from an incubator
// holds at the next request. Routes opt in with the `authenticate` hook (by folder: see
// modules/index.ts), never by URL matching.
import fastifyJwt from '@fastify/jwt';
import type { Me, Role } from '@torch/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { declareScope } from '../db/scoped-client';
import { forbidden, unauthorized } from '../errors';
import { SessionScopes } from '../modules/auth/session-scope';
import { watchSessions } from '../modules/auth/session-watch';
import { VerifiedTokens } from '../modules/auth/verified-tokens';
import { scopeSetting } from '../scope';

/** Who is calling and what they may see. Every service takes one. */
export interface Caller {
  userId: string;
  /** The session the request belongs to (ends at sign-out). */
  sessionId: string;
  role: Role;
  /** Incubators a manager runs; empty for other roles. */
  incubatorIds: string[];
  provinceCode: string | null;
  /** The company a tenant user speaks for. */
  companyId: string | null;
}

interface AccessClaims {
  sub: string;
  sid: string;
  exp?: number;
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
    /** Enforces the route's declared `config.roles` (called by `authenticate`, once the caller is known). */
    authorize(request: FastifyRequest): Promise<void>;
    signAccessToken(session: { userId: string; sessionId: string }): string;
    sessionScopes: SessionScopes;
  }
  interface FastifyRequest {
    /** The signed-in user's profile (GET /me answers it), set by `authenticate`. */
    me: Me | null;
  }
  interface FastifyContextConfig {
    /** The roles that may call this route at all (403 for the others); unset = any signed-in role. */
    roles?: readonly Role[];
    /** The session checked against the database even when the cache may be trusted (GET /me). */
    freshSession?: boolean;
  }
}

export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** Tokens remembered as verified: more than the users one process serves at a time. */
const VERIFIED_TOKENS_REMEMBERED = 10_000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export default fp(
  async (app: FastifyInstance, opts: { secret: string }) => {
    await app.register(fastifyJwt, {
      secret: opts.secret,
      sign: { expiresIn: ACCESS_TOKEN_SECONDS, algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });

    const verified = new VerifiedTokens<AccessClaims>(VERIFIED_TOKENS_REMEMBERED);
    const scopes = new SessionScopes();
    app.decorate('sessionScopes', scopes);
    // Until the listener is connected (and whenever it is not) every request asks the database.
    const unlisten = await watchSessions(app.database, scopes);
    app.addHook('onClose', async () => {
      await unlisten();
    });
    // After a write answered here (committed before its answer), the next requests ask again:
    // its notice may still be on its way. Not on PGlite, where it has arrived by then; asking would
    // there wait behind any transaction running (a long import's commit: its progress polls).
    if (!app.database.notifiesBeforeCommitReturns) {
      app.addHook('onSend', (request, _reply, payload, done) => {
        if (!SAFE_METHODS.has(request.method)) scopes.distrust();
        done(null, payload);
      });
    }
    app.decorateRequest('me', null);

    app.decorate('signAccessToken', (session: { userId: string; sessionId: string }) =>
      app.jwt.sign({ sub: session.userId, sid: session.sessionId }),
    );

    app.decorate('authorize', async (request: FastifyRequest) => {
      const roles = request.routeOptions.config.roles;
      if (roles && !roles.includes(request.user.role))
        throw forbidden(`This needs the role ${roles.join(' or ')}`);
    });

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      if (!header) throw unauthorized('Missing bearer token');
      let claims: AccessClaims;
      try {
        const token = BEARER.exec(header)?.[1];
        if (!token) throw new Error('not a bearer token');
        const known = verified.get(token, Date.now());
        claims = known ?? app.jwt.verify<AccessClaims>(token);
        if (!known) verified.remember(token, claims);
      } catch {
        throw unauthorized('The access token is invalid or has expired');
      }
      if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string')
        throw unauthorized('The access token is invalid or has expired');
      const { caller, me } = await app.sessionScopes.resolve(
        app.db,
        claims.sid,
        claims.sub,
        request.routeOptions.config.freshSession === true,
      );
      request.user = caller;
      request.me = me;
      // The database sees what the application does (row-level security), from here on.
      declareScope(scopeSetting(caller));
      // The route's roles, in the same hook (one hook less per request than a separate one).
      await app.authorize(request);
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
