// Typed errors the services throw; plugins/errors.ts maps them to problem+json.
import type { FieldProblem } from '@torch/shared';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldProblem[],
    /** Seconds the client should wait (429): sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(detail ?? title);
  }
  get detail(): string {
    return this.message;
  }
}

export const badRequest = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(400, 'Bad Request', detail, errors);
export const unauthorized = (detail = 'Sign in first') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(403, 'Forbidden', detail, errors);
/** Also the answer for anything outside the caller's scope: it does not exist for them. */
export const notFound = (what = 'Resource') => new HttpProblem(404, 'Not Found', `${what} not found`);
export const conflict = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(409, 'Conflict', detail, errors);
/** A one-time link that was used, revoked or has expired. */
export const gone = (detail: string) => new HttpProblem(410, 'Gone', detail);
export const tooManyRequests = (detail: string, retryAfter: number) =>
  new HttpProblem(429, 'Too Many Requests', detail, undefined, retryAfter);
export const unprocessable = (detail: string, errors?: FieldProblem[]) =>
  new HttpProblem(422, 'Unprocessable Content', detail, errors);
export const staleVersion = () =>
  conflict('The record was changed by someone else since you read it; reload and try again', [
    { path: 'version', message: 'stale_version' },
  ]);
