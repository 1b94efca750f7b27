// The answer to every sign-in (login, refresh, accepted invitation): the token pair, and the
// refresh token again as an httpOnly cookie scoped to /api/v1/auth, SameSite=Strict, and Secure
// whenever the request came over https (behind a proxy: TRUST_PROXY makes X-Forwarded-Proto count).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_TOKEN_SECONDS } from '../../plugins/auth';
import { REFRESH_TOKEN_DAYS, type Session } from './service';

export const REFRESH_COOKIE = 'torch_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * Readable by the dashboard's script and holding no secret: "this browser has a session", so a
 * first visit need not ask /auth/refresh (and log a 401) to find out. It lives and dies with the
 * refresh cookie: same lifetime, cleared with it on logout or a refused refresh.
 */
export const SIGNED_IN_COOKIE = 'torch_signed_in';

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  reply.clearCookie(SIGNED_IN_COOKIE, { path: '/' });
}

export function sendSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  session: Session,
  secureCookies: boolean,
) {
  const secure = secureCookies || request.protocol === 'https';
  const maxAge = REFRESH_TOKEN_DAYS * 86_400;
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge,
  });
  reply.setCookie(SIGNED_IN_COOKIE, '1', { path: '/', sameSite: 'strict', secure, maxAge });
  return {
    accessToken: app.signAccessToken(session.caller),
    refreshToken: session.refreshToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: session.me,
  };
}
