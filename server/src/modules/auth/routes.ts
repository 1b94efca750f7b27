import { LoginBody, Me, Problem, RefreshBody, TokenPair } from '@torch/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unauthorized } from '../../errors';
import { ACCESS_TOKEN_SECONDS } from '../../plugins/auth';
import { readProblems } from '../problem-responses';
import * as service from './service';

const COOKIE = 'torch_refresh';
const COOKIE_PATH = '/api/v1/auth';
// A browser refreshes with the cookie and no body at all, which reaches validation as null.
const CookieOrBodyToken = RefreshBody.nullable();

export interface AuthRouteOptions {
  loginRateLimit: number;
  secureCookies: boolean;
}

/** Routes that work without an access token. */
export async function publicAuthRoutes(app: FastifyInstance, opts: AuthRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function sendSession(reply: FastifyReply, session: service.Session) {
    reply.setCookie(COOKIE, session.refreshToken, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      maxAge: service.REFRESH_TOKEN_DAYS * 86_400,
    });
    return {
      accessToken: app.signAccessToken(session.caller),
      refreshToken: session.refreshToken,
      expiresIn: ACCESS_TOKEN_SECONDS,
      user: session.me,
    };
  }

  function refreshTokenOf(request: FastifyRequest, body: { refreshToken?: string } | null | undefined) {
    return body?.refreshToken ?? request.cookies[COOKIE];
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
        rateLimit: {
          max: opts.loginRateLimit,
          timeWindow: '1 minute',
          // Per client address (LOGIN_RATE_LIMIT). The check runs on onRequest, before the body
          // is parsed, so it cannot key on the account; per address also slows credential stuffing.
        },
      },
    },
    async (request, reply) =>
      sendSession(reply, await service.login(app.db, request.body.email, request.body.password)),
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
      if (!token) throw unauthorized('Missing refresh token');
      return sendSession(reply, await service.refresh(app.db, token));
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End this session family',
        body: CookieOrBodyToken,
        response: { 204: z.null(), 400: Problem },
      },
    },
    async (request, reply) => {
      const token = refreshTokenOf(request, request.body);
      if (token) await service.logout(app.db, token);
      reply.clearCookie(COOKIE, { path: COOKIE_PATH });
      return reply.status(204).send(null);
    },
  );
}

export async function meRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/me',
    {
      schema: {
        operationId: 'getMe',
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: Me, ...readProblems },
      },
    },
    async (request) => service.me(app.db, request.user),
  );
}
