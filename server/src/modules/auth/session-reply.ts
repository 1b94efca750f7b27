// The answer to every sign-in (login, refresh, accepted invitation): the token pair, and the
// refresh token again as an httpOnly cookie scoped to /api/v1/auth, SameSite=Strict, and Secure
// whenever the request came over https (behind a proxy: TRUST_PROXY makes X-Forwarded-Proto count).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_SECONDS } from '../../plugins/auth';
import { REFRESH_TOKEN_DAYS, type Session } from './service';

export const REFRESH_COOKIE = 'torch_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function sendSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
  secureCookies: boolean,
) {
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies || request.protocol === 'https',
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
  return {
    accessToken: app.signAccessToken(session.caller),
    refreshToken: session.refreshToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: session.me,
  };
}
