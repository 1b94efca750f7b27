import { LoginBody, Me, PasswordChangeBody, Problem, RefreshBody, TokenPair } from '@torch/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthorized } from '../../errors';
import { readProblems } from '../problem-responses';
import * as service from './service';
import { clearSessionCookies, REFRESH_COOKIE, sendSession } from './session-reply';
import { LoginThrottle } from './throttle';

// A browser refreshes with the cookie and no body at all, which reaches validation as null.
const CookieOrBodyToken = RefreshBody.nullable();

export interface AuthRouteOptions {
  loginRateLimit: number;
  secureCookies: boolean;
}

/** Routes that work without an access token. */
export async function publicAuthRoutes(app: FastifyInstance, opts: AuthRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new LoginThrottle();

  function refreshTokenOf(request: FastifyRequest, body: { refreshToken?: string } | null | undefined) {
    return body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
  }

  /** The session an access token names, if one came along and is genuine (logout needs no more). */
  function sessionOfBearer(request: FastifyRequest): string | undefined {
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    if (!token) return undefined;
    try {
      return app.jwt.verify<{ sid?: string }>(token).sid;
    } catch {
      return undefined;
    }
  }

  r.post(
    '/auth/login',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: TokenPair, 400: Problem, 401: Problem, 429: Problem },
      },
      config: {
        // Per client address, a fixed window (LOGIN_RATE_LIMIT a minute) before the body is read;
        // the growing back-off per account and per address (throttle.ts) comes after.
        rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      throttle.check(email, request.ip);
      try {
        const session = await service.login(app.db, email, password);
        throttle.succeeded(email);
        return sendSession(app, request, reply, session, opts.secureCookies);
      } catch (error) {
        throttle.failed(email, request.ip);
        throw error;
      }
    },
  );

  r.post(
    '/auth/refresh',
    {
      schema: {
        operationId: 'refreshSession',
        tags: ['auth'],
        summary: 'Rotate the refresh token (cookie or body) for a new pair',
        body: CookieOrBodyToken,
        response: { 200: TokenPair, 400: Problem, 401: Problem },
      },
    },
    async (request, reply) => {
      const token = refreshTokenOf(request, request.body);
      try {
        if (!token) throw unauthorized('Missing refresh token');
        const session = await service.refresh(app.db, token);
        app.sessionScopes.forget(session.caller.sessionId);
        return sendSession(app, request, reply, session, opts.secureCookies);
      } catch (error) {
        // No session to renew: the dashboard's "signed in" cookie goes too, so it stops asking.
        clearSessionCookies(reply);
        throw error;
      }
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End this session: its access and refresh tokens are refused from now on',
        body: CookieOrBodyToken,
        response: { 204: z.null(), 400: Problem },
      },
    },
    async (request, reply) => {
      const ended = await service.logout(app.db, {
        refreshToken: refreshTokenOf(request, request.body),
        sessionId: sessionOfBearer(request),
      });
      if (ended) app.sessionScopes.forget(ended);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );
}

export async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: Me, ...readProblems },
      },
      // "Am I still signed in" is answered by the database, never by the cache alone: /me reads
      // nothing else, so it would otherwise answer 200 through a database outage.
      config: { freshSession: true },
    },
    // The profile the auth hook resolved for this request's session: no second lookup.
    async (request) => request.me!,
  );

  r.post(
    '/me/password',
    {
      schema: {
        operationId: 'changeOwnPassword',
        tags: ['auth'],
        summary: 'Change your own password; every other session of yours ends',
        body: PasswordChangeBody,
        response: { 204: z.null(), ...readProblems },
      },
    },
    async (request, reply) => {
      const ended = await service.changePassword(app.db, request.user, request.body);
      for (const sessionId of ended) app.sessionScopes.forget(sessionId);
      return reply.status(204).send(null);
    },
  );
}
